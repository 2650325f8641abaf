using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Transparency.Core.Units;
using Transparency.Data;
using Transparency.Proposals.Models;

namespace Transparency.Proposals.Services.Reports;

/// <summary>周报 and 月通报 as .xlsx: one row per unit, lagging units marked and listed on a sheet of their own.</summary>
public sealed class ProgressWorkbook(ProgressReport report, TransparencyDbContext db, IUnitDirectory units, TimeProvider clock)
{
    public const string LaggingMark = "★ 进度滞后";

    public async Task<byte[]?> WeeklyAsync(int sessionId)
    {
        var progress = await report.ForSessionAsync(sessionId);
        if (progress is null)
        {
            return null;
        }

        return Save(new Dictionary<string, object>
        {
            ["周报"] = UnitRows(progress, withRates: false),
            ["滞后单位"] = UnitRows(progress with { Units = [.. progress.Units.Where(u => u.IsLagging)] }, withRates: false),
        });
    }

    public async Task<byte[]?> MonthlyAsync(int sessionId)
    {
        var progress = await report.ForSessionAsync(sessionId);
        if (progress is null)
        {
            return null;
        }

        return Save(new Dictionary<string, object>
        {
            ["月通报"] = UnitRows(progress, withRates: true),
            ["滞后单位"] = UnitRows(progress with { Units = [.. progress.Units.Where(u => u.IsLagging)] }, withRates: true),
            ["超期件"] = await OverdueRowsAsync(sessionId),
            ["总体情况"] = new[]
            {
                Row(("会议", progress.Session), ("统计日期", Today()), ("建议提案总数", progress.Proposals),
                    ("本局主办", progress.InternalLead), ("本局协办", progress.InternalCo), ("本局分办", progress.InternalSplit),
                    ("已答复", progress.Replied), ("超期未办结", progress.Overdue), ("7日内到期", progress.DueSoon)),
            },
        });
    }

    private static List<Dictionary<string, object>> UnitRows(SessionProgress p, bool withRates)
        => p.Units.Select(u =>
        {
            var row = Row(("承办单位", u.Unit), ("主办", u.Lead), ("协办", u.Co), ("分办", u.Split), ("办理中", u.InProgress),
                ("已答复或已提交协办意见", u.Replied), ("超期", u.Overdue), ("7日内到期", u.DueSoon), ("退办", u.Returned),
                ("督办提示", u.IsLagging ? LaggingMark : ""));
            if (withRates)
            {
                row["面商率"] = u.Replying == 0 ? "—" : u.ConsultationRate.ToString("P0", CultureInfo.InvariantCulture);
            }

            return row;
        }).ToList();

    private async Task<List<Dictionary<string, object>>> OverdueRowsAsync(int sessionId)
    {
        var today = clock.Today();
        var unitNames = (await units.ListAsync()).ToDictionary(u => u.Id, u => u.Name);
        var open = new[] { ProposalStatus.Assigned, ProposalStatus.InProgress, ProposalStatus.Rehandling };
        var overdue = await db.Set<Assignment>().AsNoTracking()
            .Where(a => a.Proposal.SessionId == sessionId && a.Status == AssignmentStatus.Active && a.Role != HandlingRole.Co
                && open.Contains(a.Proposal.Status) && a.DueOn < today)
            .OrderBy(a => a.DueOn)
            .Select(a => new { a.Proposal.Number, a.Proposal.Title, a.UnitId, a.DueOn })
            .ToListAsync();
        return overdue.Select(o => Row(("编号", o.Number), ("标题", o.Title), ("承办单位", unitNames.GetValueOrDefault(o.UnitId, "")),
            ("办理期限", o.DueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("超期天数", today.DayNumber - o.DueOn.DayNumber))).ToList();
    }

    private string Today() => clock.Today().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Dictionary<string, object> Row(params (string Key, object Value)[] cells)
        => cells.ToDictionary(c => c.Key, c => c.Value);

    private static byte[] Save(Dictionary<string, object> sheets)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(sheets);
        return stream.ToArray();
    }
}
