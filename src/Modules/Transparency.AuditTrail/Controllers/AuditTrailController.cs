using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Transparency.AuditTrail.Models;
using Transparency.Core.Hosting;
using Transparency.Core.Security;
using Transparency.Data;

namespace Transparency.AuditTrail.Controllers;

[Admin]
[Route("admin/audit")]
[RequirePermission(AuditTrailPermissions.View)]
public sealed class AuditTrailController(TransparencyDbContext db) : Controller
{
    private const int PageSize = 50;

    [HttpGet("")]
    public async Task<IActionResult> Index(string? category, int page = 1)
    {
        page = Math.Clamp(page, 1, 100_000);
        var query = db.Set<AuditEvent>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(category))
        {
            query = query.Where(e => e.Category == category);
        }

        var events = await query
            .OrderByDescending(e => e.Id)
            .Skip((page - 1) * PageSize)
            .Take(PageSize + 1)
            .ToListAsync();
        ViewData["Category"] = category;
        ViewData["Page"] = page;
        ViewData["HasMore"] = events.Count > PageSize;
        return View(events.Take(PageSize).ToList());
    }
}
