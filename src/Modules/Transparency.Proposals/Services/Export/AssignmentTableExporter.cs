using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Transparency.Core.Units;
using Transparency.Proposals.Models;
using Transparency.Proposals.Services.Import;
using Transparency.Proposals.ViewModels;
using C = Transparency.Proposals.Services.Import.AssignmentTableColumns;

namespace Transparency.Proposals.Services.Export;

/// <summary>
/// Exports the assignment table in the import's layout (so a file exported can be imported again) plus 状态, 主办期限,
/// 协办期限 and 是否重点, filtered like the staff list and limited to what the user may see (<see cref="ProposalScope"/>).
/// </summary>
public sealed class AssignmentTableExporter(ProposalScope scope, IUnitDirectory unitDirectory, TimeProvider clock)
{
    /// <summary>The rows, each a cell per <see cref="AssignmentTableColumns.Export"/> column, in that order.</summary>
    public async Task<IReadOnlyList<IReadOnlyDictionary<string, string>>> RowsAsync(ClaimsPrincipal user, ProposalFilter filter, CancellationToken cancellationToken = default)
    {
        var query = ProposalQueries.Filter(await scope.VisibleAsync(user), filter, clock.Today());
        var proposals = await query
            .OrderBy(p => p.Session.Year).ThenBy(p => p.SessionId).ThenBy(p => p.Number)
            .Select(p => new
            {
                p.Number,
                p.Title,
                p.Body,
                Category = p.Category!.Name,
                p.Status,
                p.IsKey,
                Representatives = p.Representatives.OrderBy(r => r.Position).Select(r => r.Representative.Name).ToList(),
                Assignments = p.Assignments
                    .Where(a => a.Status != AssignmentStatus.Replaced)
                    .OrderBy(a => a.Id)
                    .Select(a => new ExportedAssignment(a.UnitId, a.Role, a.AssignedOn, a.DueOn))
                    .ToList(),
            })
            .AsSplitQuery()
            .AsNoTracking()
            .ToListAsync(cancellationToken);

        var names = UnitNames(await unitDirectory.ListAsync(cancellationToken));
        return proposals.Select(p =>
        {
            var lead = p.Assignments.Where(a => a.Role == HandlingRole.Lead).ToList();
            var co = p.Assignments.Where(a => a.Role == HandlingRole.Co).ToList();
            var split = p.Assignments.Where(a => a.Role == HandlingRole.Split).ToList();
            var replying = lead.Count > 0 ? lead : split;
            var assignedOn = p.Assignments.Count > 0 ? ImportCells.Date(p.Assignments.Min(a => a.AssignedOn)) : "";
            return (IReadOnlyDictionary<string, string>)new Dictionary<string, string>
            {
                [C.Number] = p.Number,
                [C.Title] = p.Title,
                [C.LeadRepresentative] = p.Representatives.FirstOrDefault() ?? "",
                [C.CoRepresentatives] = string.Join("、", p.Representatives.Skip(1)),
                [C.Category] = p.Category ?? "",
                [C.LeadUnit] = string.Join("、", lead.Select(a => names.GetValueOrDefault(a.UnitId, ""))),
                [C.CoUnits] = string.Join("、", co.Select(a => names.GetValueOrDefault(a.UnitId, ""))),
                [C.SplitUnits] = string.Join("、", split.Select(a => names.GetValueOrDefault(a.UnitId, ""))),
                [C.AssignedOn] = assignedOn,
                [C.Body] = p.Body,
                [C.Status] = ProposalText.Of(p.Status),
                [C.LeadDue] = Dates(replying),
                [C.CoDue] = Dates(co),
                [C.IsKey] = ImportCells.YesNo(p.IsKey),
            };
        }).ToList();
    }

    /// <summary>Short names where they are unique (as tables are written), full names otherwise, so that every name imports back.</summary>
    private static Dictionary<int, string> UnitNames(IReadOnlyList<UnitInfo> units)
    {
        var shortNames = units.GroupBy(u => u.ShortName).Where(g => g.Count() == 1).Select(g => g.Key).ToHashSet();
        var fullNames = units.Select(u => u.Name).ToHashSet();
        return units.ToDictionary(u => u.Id, u => shortNames.Contains(u.ShortName) && (u.ShortName == u.Name || !fullNames.Contains(u.ShortName)) ? u.ShortName : u.Name);
    }

    private static string Dates(IEnumerable<ExportedAssignment> assignments)
        => string.Join("、", assignments.Select(a => a.DueOn).Distinct().Order().Select(ImportCells.Date));

    private sealed record ExportedAssignment(int UnitId, HandlingRole Role, DateOnly AssignedOn, DateOnly DueOn);
}
