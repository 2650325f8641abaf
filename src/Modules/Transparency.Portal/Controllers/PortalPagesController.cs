using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Transparency.Portal.Services;

namespace Transparency.Portal.Controllers;

/// <summary>The public information pages: 关于本平台 (<c>/pages/about</c>), 办理工作流程 (<c>/pages/process</c>).</summary>
[AllowAnonymous]
public sealed class PortalPagesController(InfoPages pages) : PortalController
{
    [HttpGet("/pages/{slug}")]
    [OutputCache(PolicyName = PublicCache.Policy, Tags = [PublicCache.PagesTag])]
    public async Task<IActionResult> Show(string slug)
    {
        PublicCache.Tag(HttpContext, PublicCache.PageTag(slug));
        var page = await pages.FindAsync(slug, HttpContext.RequestAborted);
        return page is null ? NotFoundPage() : View(page);
    }
}
