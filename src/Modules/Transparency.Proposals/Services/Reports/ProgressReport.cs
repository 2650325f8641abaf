using Microsoft.EntityFrameworkCore;
using Transparency.Core.Units;
using Transparency.Data;
using Transparency.Proposals.Models;

namespace Transparency.Proposals.Services.Reports;

/// <summary>Computes handling progress per unit for a session from the records (never from cached counters).</summary>
public sealed class ProgressReport(TransparencyDbContext db, IUnitDirectory units, TimeProvider clock)
{
    private static readonly ProposalStatus[] RepliedStatuses = [ProposalStatus.Replied, ProposalStatus.FeedbackReceived, ProposalStatus.Closed];
    private static readonly ProposalStatus[] OpenStatuses = [ProposalStatus.Assigned, ProposalStatus.InProgress, ProposalStatus.Rehandling];

    public async Task<SessionProgress?> ForSessionAsync(int sessionId, CancellationToken cancellationToken = default)
    {
        var session = await db.Set<Session>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
        if (session is null)
        {
            return null;
        }

        var today = clock.Today();
        var soon = today.AddDays(7);
        var rows = await db.Set<Assignment>().AsNoTracking()
            .Where(a => a.Proposal.SessionId == sessionId && a.Status != AssignmentStatus.Replaced
                && a.Proposal.Status != ProposalStatus.Withdrawn && a.Proposal.Status != ProposalStatus.Merged)
            .Select(a => new { a.Id, a.UnitId, a.Role, a.Status, a.DueOn, a.ProposalId, ProposalStatus = a.Proposal.Status })
            .ToListAsync(cancellationToken);
        var proposalIds = rows.Select(r => r.ProposalId).Distinct().ToList();
        var assignmentIds = rows.Select(r => r.Id).ToList();
        var consulted = (await db.Set<Consultation>().AsNoTracking()
            .Where(c => proposalIds.Contains(c.ProposalId))
            .Select(c => new { c.ProposalId, c.UnitId }).Distinct().ToListAsync(cancellationToken))
            .Select(c => (c.ProposalId, c.UnitId)).ToHashSet();
        var submitted = (await db.Set<CoHandlingOpinion>().AsNoTracking()
            .Where(o => o.Status == CoOpinionStatus.Submitted && assignmentIds.Contains(o.AssignmentId))
            .Select(o => o.AssignmentId).ToListAsync(cancellationToken)).ToHashSet();
        var unitInfo = (await units.ListAsync(cancellationToken)).ToDictionary(u => u.Id);

        bool IsDone(HandlingRole role, int assignmentId, ProposalStatus status)
            => role == HandlingRole.Co ? submitted.Contains(assignmentId) : RepliedStatuses.Contains(status);

        var perUnit = rows.GroupBy(r => r.UnitId).Select(g =>
        {
            var active = g.Where(r => r.Status == AssignmentStatus.Active).ToList();
            var open = active.Where(r => !IsDone(r.Role, r.Id, r.ProposalStatus) && OpenStatuses.Contains(r.ProposalStatus)).ToList();
            var known = unitInfo.TryGetValue(g.Key, out var u);
            return new UnitProgress(
                g.Key,
                known ? u!.Name : g.Key.ToString(System.Globalization.CultureInfo.InvariantCulture),
                known && u!.IsInternal,
                Lead: active.Count(r => r.Role == HandlingRole.Lead),
                Co: active.Count(r => r.Role == HandlingRole.Co),
                Split: active.Count(r => r.Role == HandlingRole.Split),
                InProgress: open.Count,
                Replied: active.Count(r => IsDone(r.Role, r.Id, r.ProposalStatus)),
                Overdue: open.Count(r => r.DueOn < today),
                DueSoon: open.Count(r => r.DueOn >= today && r.DueOn <= soon),
                Returned: g.Count(r => r.Status == AssignmentStatus.Returned),
                Consulted: active.Count(r => r.Role != HandlingRole.Co && consulted.Contains((r.ProposalId, r.UnitId))),
                CoOpinionsSubmitted: active.Count(r => r.Role == HandlingRole.Co && submitted.Contains(r.Id)));
        })
        .OrderByDescending(u => u.IsInternal).ThenByDescending(u => u.Lead + u.Split).ThenBy(u => u.Unit, StringComparer.Ordinal)
        .ToList();

        // The bureau's own count: each proposal once, lead if any of its internal units leads it.
        var internalRoles = rows.Where(r => unitInfo.TryGetValue(r.UnitId, out var u) && u.IsInternal && r.Status == AssignmentStatus.Active)
            .GroupBy(r => r.ProposalId)
            .Select(g => g.Any(r => r.Role == HandlingRole.Lead) ? HandlingRole.Lead : g.Any(r => r.Role == HandlingRole.Split) ? HandlingRole.Split : HandlingRole.Co)
            .ToList();
        var replying = rows.Where(r => r.Role != HandlingRole.Co && r.Status == AssignmentStatus.Active).ToList();
        return new SessionProgress(
            session.Id,
            session.Name,
            proposalIds.Count,
            InternalLead: internalRoles.Count(r => r == HandlingRole.Lead),
            InternalCo: internalRoles.Count(r => r == HandlingRole.Co),
            InternalSplit: internalRoles.Count(r => r == HandlingRole.Split),
            Replied: replying.Where(r => RepliedStatuses.Contains(r.ProposalStatus)).Select(r => r.ProposalId).Distinct().Count(),
            Overdue: replying.Where(r => OpenStatuses.Contains(r.ProposalStatus) && r.DueOn < today).Select(r => r.ProposalId).Distinct().Count(),
            DueSoon: replying.Where(r => OpenStatuses.Contains(r.ProposalStatus) && r.DueOn >= today && r.DueOn <= soon).Select(r => r.ProposalId).Distinct().Count(),
            perUnit);
    }
}
