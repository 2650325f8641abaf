using Microsoft.AspNetCore.Mvc;
using Transparency.Core.Audit;
using Transparency.Core.Hosting;
using Transparency.Core.Security;
using Transparency.Core.Settings;
using Transparency.Data;
using Transparency.Search.Services;
using Transparency.Search.ViewModels;

namespace Transparency.Search.Controllers;

/// <summary>全文检索 in the back office: this node's index status, the synonyms, and the rebuild action.</summary>
[Admin]
[Route("admin/search")]
[RequirePermission(SearchPermissions.Manage)]
public sealed class SearchAdminController(
    IndexStatus status,
    IndexMaintenance maintenance,
    ISettingsDocumentStore settings,
    SynonymCache synonymCache,
    IAuditTrail audit,
    TransparencyDbContext db) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var ct = HttpContext.RequestAborted;
        var stored = await settings.GetAsync<SynonymSettings>(SynonymSettings.DocumentName, ct);
        return View(new SearchAdminViewModel
        {
            Status = await status.ReportAsync(ct),
            Synonyms = SynonymRules.Format(stored.Groups),
        });
    }

    [HttpPost("synonyms")]
    public async Task<IActionResult> Synonyms([FromForm(Name = "Synonyms")] string? text)
    {
        var ct = HttpContext.RequestAborted;
        var (groups, errors) = SynonymRules.Parse(text);
        if ((text ?? "").Length > 20_000)
        {
            errors.Insert(0, "同义词内容过长（最多20000个字符）。");
        }

        if (errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(nameof(Index), new SearchAdminViewModel { Status = await status.ReportAsync(ct), Synonyms = text ?? "", Errors = errors });
        }

        await settings.UpdateAsync(SynonymSettings.DocumentName, new SynonymSettings { Groups = groups }, $"同义词：{groups.Count}组", ct);
        await db.SaveChangesAsync(ct);
        synonymCache.Invalidate();
        return Redirect("/admin/search?saved=1");
    }

    /// <summary>Asks this node's worker to rebuild its index from the database (other nodes keep theirs).</summary>
    [HttpPost("rebuild")]
    public async Task<IActionResult> Rebuild()
    {
        audit.Record(new AuditEntry("Search", "IndexRebuildRequested", "search:index", $"重建全文检索索引（节点 {Environment.MachineName}）"));
        await db.SaveChangesAsync(HttpContext.RequestAborted);
        maintenance.RequestRebuild($"asked for by {User.Identity?.Name}");
        return Redirect("/admin/search?rebuild=1");
    }
}
