using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using Transparency.Portal.Services;
using Transparency.Portal.ViewModels;

namespace Transparency.Portal.Controllers;

/// <summary>统计数据: every session's figures side by side, and one session's (<c>?session=id</c>, newest by default) in detail.</summary>
[AllowAnonymous]
public sealed class PortalStatisticsController(PublicFigures figures) : PortalController
{
    [HttpGet("/statistics")]
    [OutputCache(PolicyName = PublicCache.FiguresPolicy)]
    public async Task<IActionResult> Index()
    {
        var messages = HttpContext.RequestServices.GetRequiredService<QueryMessages>();
        int? sessionId = null;
        if (Request.Query.TryGetValue("session", out var values) && values.Count > 0)
        {
            if (values.Count > 1 || !int.TryParse(values[0], NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed < 1)
            {
                return BadRequestPage(new Dictionary<string, string[]> { ["session"] = [messages.Range("session", 1, int.MaxValue)] });
            }

            sessionId = parsed;
        }

        var all = await figures.AllAsync(HttpContext.RequestAborted);
        var selected = sessionId is null ? (all.Count > 0 ? all[0] : null) : all.FirstOrDefault(f => f.Session.Id == sessionId);
        return sessionId is not null && selected is null ? NotFoundPage() : View(new StatisticsModel(all, selected));
    }
}
