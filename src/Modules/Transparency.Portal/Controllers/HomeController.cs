using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Transparency.Core.Publishing;
using Transparency.Core.Settings;
using Transparency.Portal.Services;
using Transparency.Portal.ViewModels;

namespace Transparency.Portal.Controllers;

/// <summary>首页: the latest published replies, the newest session's key figures, the search box.</summary>
[AllowAnonymous]
public sealed class HomeController(ISiteSettingsStore settings, IPublishedContent content, PublicFigures figures) : Controller
{
    public const int LatestCount = 6;

    [HttpGet("/")]
    [OutputCache(PolicyName = PublicCache.FiguresPolicy, Tags = [PublicCache.RepliesTag])]
    public async Task<IActionResult> Index()
    {
        var cancellationToken = HttpContext.RequestAborted;
        return View(new HomeModel(
            await settings.GetAsync(cancellationToken),
            await content.LatestRepliesAsync(LatestCount, cancellationToken),
            await figures.LatestAsync(cancellationToken)));
    }
}
