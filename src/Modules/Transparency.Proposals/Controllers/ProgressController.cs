using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Transparency.Core.Hosting;
using Transparency.Core.Security;
using Transparency.Data;
using Transparency.Proposals.Models;
using Transparency.Proposals.Services;
using Transparency.Proposals.Services.Reports;

namespace Transparency.Proposals.Controllers;

/// <summary>The coordinator's dashboard and the weekly report (周报) and monthly briefing (月通报).</summary>
[Admin]
[Route("admin/proposals")]
[RequirePermission(ProposalsPermissions.ViewReports)]
public sealed class ProgressController(TransparencyDbContext db, ProgressReport report, ProgressWorkbook workbook, TimeProvider clock) : Controller
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    [HttpGet("dashboard")]
    public async Task<IActionResult> Index(int? sessionId)
    {
        var sessions = await db.Set<Session>().AsNoTracking().OrderByDescending(s => s.Year).ThenBy(s => s.Name).ToListAsync();
        var chosen = sessionId ?? sessions.FirstOrDefault()?.Id;
        ViewData["Sessions"] = sessions;
        var progress = chosen is { } id ? await report.ForSessionAsync(id) : null;
        if (sessionId is not null && progress is null)
        {
            return NotFound();
        }

        return View(progress);
    }

    [HttpGet("reports/weekly.xlsx")]
    public async Task<IActionResult> Weekly(int sessionId)
        => await workbook.WeeklyAsync(sessionId) is { } bytes ? File(bytes, Xlsx, $"周报-{clock.Today():yyyyMMdd}.xlsx") : NotFound();

    [HttpGet("reports/monthly.xlsx")]
    public async Task<IActionResult> Monthly(int sessionId)
        => await workbook.MonthlyAsync(sessionId) is { } bytes ? File(bytes, Xlsx, $"月通报-{clock.Today():yyyyMM}.xlsx") : NotFound();
}
