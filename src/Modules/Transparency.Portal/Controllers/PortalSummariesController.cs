using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Transparency.Core.Publishing;
using Transparency.Portal.Services;

namespace Transparency.Portal.Controllers;

/// <summary>The published handling summaries (办理工作总结), one per year.</summary>
[AllowAnonymous]
public sealed class PortalSummariesController(IPublishedContent content) : PortalController
{
    [HttpGet("/summaries")]
    [OutputCache(PolicyName = PublicCache.Policy, Tags = [PublicCache.SummariesTag])]
    public async Task<IActionResult> Index() => View(await content.SummariesAsync(HttpContext.RequestAborted));

    [HttpGet("/summaries/{id:int}")]
    [OutputCache(PolicyName = PublicCache.Policy)]
    public async Task<IActionResult> Show(int id)
    {
        PublicCache.Tag(HttpContext, PublicCache.SummaryTag(id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var summary = await content.FindSummaryAsync(id, HttpContext.RequestAborted);
        return summary is null ? NotFoundPage() : View(summary);
    }
}
