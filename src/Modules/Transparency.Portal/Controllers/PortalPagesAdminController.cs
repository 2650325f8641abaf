using Microsoft.AspNetCore.Mvc;
using Transparency.Core.Content;
using Transparency.Core.Hosting;
using Transparency.Core.Search;
using Transparency.Core.Security;
using Transparency.Core.Settings;
using Transparency.Data;
using Transparency.Portal.Services;

namespace Transparency.Portal.Controllers;

/// <summary>信息公开页面 in the back office: edit the title and text of each public information page.</summary>
[Admin]
[Route("admin/pages")]
[RequirePermission(PortalPermissions.ManagePages)]
public sealed class PortalPagesAdminController(
    InfoPages pages,
    ISettingsDocumentStore documents,
    IContentChangeLog changes,
    IHtmlSanitizer sanitizer,
    TimeProvider clock,
    TransparencyDbContext db) : Controller
{
    public const int MaxTitleLength = 100;
    public const int MaxHtmlLength = 50_000;

    [HttpGet("")]
    public async Task<IActionResult> Index() => View(await pages.AllAsync(HttpContext.RequestAborted));

    /// <summary>
    /// Saves one page (sanitized) in the settings document and stages a content change in the same save, so the search
    /// index and every node's output cache take the new text.
    /// </summary>
    [HttpPost("{slug}")]
    public async Task<IActionResult> Save(string slug, string? title, string? html)
    {
        var ct = HttpContext.RequestAborted;
        var all = (await pages.AllAsync(ct)).ToList();
        var index = all.FindIndex(p => p.Slug == slug);
        if (index < 0)
        {
            return NotFound();
        }

        title = title?.Trim();
        var clean = sanitizer.Sanitize(html);
        if (string.IsNullOrEmpty(title) || title.Length > MaxTitleLength || clean.Length == 0 || clean.Length > MaxHtmlLength)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            ViewData["Error"] = slug;
            return View(nameof(Index), all);
        }

        all[index] = new InfoPage { Slug = slug, Title = title, Html = clean, UpdatedUtc = clock.GetUtcNow().UtcDateTime };
        await documents.UpdateAsync(InfoPagesDocument.DocumentName, new InfoPagesDocument { Pages = all }, $"信息公开页面：{title}", ct);
        changes.Stage(PublicContentTypes.Page, slug, ContentChangeKind.Update);
        await db.SaveChangesAsync(ct);
        return Redirect($"/admin/pages?saved={Uri.EscapeDataString(slug)}");
    }
}
