using Microsoft.EntityFrameworkCore;
using Transparency.Core.Feedback;
using Transparency.Core.Proposals;
using Transparency.Core.Publishing;
using Transparency.Core.Units;
using Transparency.Data;
using Transparency.Replies.Models;

namespace Transparency.Replies.Services;

/// <summary>
/// Computes <see cref="HandlingFigures"/> from the records, never from cached counters: proposals, assignments and
/// consultations through <see cref="IProposalDirectory"/>, replies and their versions from this module's tables, the
/// representatives' ratings of the lead-handled proposals through <see cref="ISatisfactionFigures"/> when a feedback module
/// records them.
/// </summary>
public sealed class SummaryFigures(
    TransparencyDbContext db,
    IProposalDirectory proposals,
    IUnitDirectory units,
    IEnumerable<ISatisfactionFigures> satisfactionSources) : IHandlingFigures
{
    private static readonly VersionState[] ApprovedStates = [VersionState.Approved, VersionState.Published, VersionState.Superseded];

    /// <inheritdoc />
    public async Task<HandlingFigures?> FindAsync(int sessionId, CancellationToken cancellationToken = default)
    {
        try
        {
            return await ForSessionAsync(sessionId, cancellationToken);
        }
        catch (DocumentNotFoundException)
        {
            return null;
        }
    }

    /// <summary>The figures of a session; <see cref="DocumentNotFoundException"/> when there is no such session.</summary>
    public async Task<HandlingFigures> ForSessionAsync(int sessionId, CancellationToken cancellationToken = default)
    {
        var session = (await proposals.SessionsAsync(cancellationToken)).FirstOrDefault(s => s.Id == sessionId)
            ?? throw new DocumentNotFoundException();
        var internalUnits = (await units.ListAsync(cancellationToken)).Where(u => u.IsInternal).ToList();
        var ours = internalUnits.Select(u => u.Id).ToHashSet();

        // Each proposal counts once: lead when one of the bureau's units leads it or handles a split part, co otherwise.
        var handled = new List<(ProposalInfo Proposal, bool IsLead, bool IsSplitOnly)>();
        foreach (var proposal in await proposals.ListBySessionAsync(sessionId, cancellationToken))
        {
            if (proposal.Status is "Withdrawn" or "Merged")
            {
                continue;
            }

            var mine = proposal.Assignments.Where(a => !a.IsReturned && ours.Contains(a.UnitId)).ToList();
            if (mine.Count == 0)
            {
                continue;
            }

            var isLead = mine.Any(a => a.Part != HandlingPart.Co);
            handled.Add((proposal, isLead, isLead && mine.All(a => a.Part != HandlingPart.Lead)));
        }

        var consulted = await proposals.ConsultedAsync(sessionId, cancellationToken);
        var lead = handled.Where(h => h.IsLead).ToList();
        var byId = handled.ToDictionary(h => h.Proposal.Id, h => h.Proposal);
        var ids = byId.Keys.ToList();

        var sent = (await db.Set<Reply>().AsNoTracking()
            .Where(r => ids.Contains(r.ProposalId) && r.SentOn != null)
            .Select(r => new { r.DocumentId, r.ProposalId, r.UnitId, r.AssignmentId, r.Round, r.SentOn, r.DueOn })
            .ToListAsync(cancellationToken))
            .Where(r => ours.Contains(r.UnitId))
            .ToList();

        var firstRound = sent.Where(r => r.Round == 1).ToList();
        var onTime = firstRound.Count(r =>
            (r.DueOn ?? byId[r.ProposalId].Assignments.FirstOrDefault(a => a.Id == r.AssignmentId)?.DueOn) is { } due && r.SentOn <= due);

        // The outcome of each lead item is the one of its latest sent reply (a re-handled reply replaces the first one).
        var latest = sent.GroupBy(r => (r.ProposalId, r.UnitId)).Select(g => g.MaxBy(r => r.Round)!.DocumentId).ToList();
        var versions = await db.Set<DocumentVersion>().AsNoTracking()
            .Where(v => latest.Contains(v.DocumentId) && v.Outcome != null)
            .Select(v => new { v.DocumentId, v.Number, v.State, v.Outcome })
            .ToListAsync(cancellationToken);
        var outcomes = versions.GroupBy(v => v.DocumentId)
            .Select(g => (g.Where(v => ApprovedStates.Contains(v.State)).MaxBy(v => v.Number) ?? g.MaxBy(v => v.Number)!).Outcome)
            .ToList();

        bool IsOnTime(int proposalId, int assignmentId, DateOnly? sentOn, DateOnly? dueOn) =>
            (dueOn ?? byId[proposalId].Assignments.FirstOrDefault(a => a.Id == assignmentId)?.DueOn) is { } due && sentOn <= due;
        var unitFigures = internalUnits
            .Select(u => new UnitFigure(
                u.ShortName,
                Lead: handled.Count(h => h.Proposal.Assignments.Any(a => !a.IsReturned && a.UnitId == u.Id && a.Part != HandlingPart.Co)),
                Co: handled.Count(h => h.Proposal.Assignments.Any(a => !a.IsReturned && a.UnitId == u.Id && a.Part == HandlingPart.Co)),
                Sent: firstRound.Count(r => r.UnitId == u.Id),
                OnTime: firstRound.Count(r => r.UnitId == u.Id && IsOnTime(r.ProposalId, r.AssignmentId, r.SentOn, r.DueOn))))
            .Where(f => f.Lead + f.Co > 0)
            .OrderByDescending(f => f.Lead + f.Co).ThenBy(f => f.Name, StringComparer.Ordinal)
            .ToList();

        var categories = handled.Where(h => !string.IsNullOrWhiteSpace(h.Proposal.Category))
            .GroupBy(h => h.Proposal.Category!.Trim())
            .Select(g => (Name: g.Key, Count: g.Count(), Lead: g.Count(h => h.IsLead)))
            .OrderByDescending(c => c.Count).ThenByDescending(c => c.Lead).ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => new CategoryCount(c.Name, c.Count))
            .ToList();

        var satisfaction = satisfactionSources.FirstOrDefault() is { } source
            ? await source.ForProposalsAsync(lead.Select(h => h.Proposal.Id).ToList(), cancellationToken)
            : null;
        if (satisfaction is { Ratings: 0 })
        {
            satisfaction = null;
        }

        return new HandlingFigures(
            session,
            Total: handled.Count,
            Lead: lead.Count,
            Co: handled.Count - lead.Count,
            Split: handled.Count(h => h.IsSplitOnly),
            Consulted: lead.Count(h => consulted.Contains(h.Proposal.Id)),
            Replied: lead.Count(h => sent.Any(r => r.ProposalId == h.Proposal.Id)),
            Sent: firstRound.Count,
            OnTime: onTime,
            OutcomeA: outcomes.Count(o => o == ReplyOutcome.A),
            OutcomeB: outcomes.Count(o => o == ReplyOutcome.B),
            OutcomeC: outcomes.Count(o => o == ReplyOutcome.C),
            Categories: categories,
            Key: handled.Count(h => h.Proposal.IsKey),
            SatisfactionRate: satisfaction?.Rate)
        {
            Units = unitFigures,
            Satisfaction = satisfaction,
        };
    }
}
