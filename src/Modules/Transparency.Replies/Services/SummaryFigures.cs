using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Transparency.Core.Proposals;
using Transparency.Core.Units;
using Transparency.Data;
using Transparency.Replies.Models;

namespace Transparency.Replies.Services;

/// <summary>A category and how many of the session's handled proposals belong to it.</summary>
/// <param name="Name">类别, e.g. 垃圾分类.</param>
/// <param name="Count">Number of proposals.</param>
public sealed record CategoryCount(string Name, int Count);

/// <summary>
/// The figures of a handling summary for one session, as the seed states them: how many proposals the bureau's units
/// handled (主办 including 分办, 协办), the consultation and on-time rates, the outcome mix, the categories, the key
/// proposals. Rates are null when there is nothing to count yet.
/// </summary>
/// <param name="Session">The session.</param>
/// <param name="Total">Proposals with at least one active assignment to one of the bureau's (internal) units.</param>
/// <param name="Lead">Of these, the ones an internal unit leads (主办) or handles a split part of (分办).</param>
/// <param name="Co">Of these, the ones the bureau only co-handles (协办).</param>
/// <param name="Split">Of <paramref name="Lead"/>, the ones the bureau handles only as a split part (分办).</param>
/// <param name="Consulted">Lead-handled proposals with at least one consultation (面商 / 沟通联系) recorded.</param>
/// <param name="Replied">Lead-handled proposals with at least one sent reply of the bureau's units.</param>
/// <param name="Sent">First-round replies of the bureau's units that were sent (送达).</param>
/// <param name="OnTime">Of these, the ones sent on or before their due date.</param>
/// <param name="OutcomeA">Sent replies (the latest round of each) whose approved version is class A.</param>
/// <param name="OutcomeB">… class B.</param>
/// <param name="OutcomeC">… class C.</param>
/// <param name="Categories">Categories of the handled proposals, most frequent first.</param>
/// <param name="Key">Handled proposals flagged as key proposals (重点建议).</param>
/// <param name="SatisfactionRate">满意率; null until representatives' feedback is recorded by a feedback module.</param>
public sealed record HandlingFigures(
    SessionInfo Session,
    int Total,
    int Lead,
    int Co,
    int Split,
    int Consulted,
    int Replied,
    int Sent,
    int OnTime,
    int OutcomeA,
    int OutcomeB,
    int OutcomeC,
    IReadOnlyList<CategoryCount> Categories,
    int Key,
    string? SatisfactionRate = null)
{
    /// <summary>面商率: consulted lead-handled proposals over lead-handled proposals, e.g. “100%”.</summary>
    public string? ConsultationRate => Rate(Consulted, Lead);

    /// <summary>按时办复率: first-round replies sent on time over first-round replies sent, e.g. “85.7%”.</summary>
    public string? OnTimeRate => Rate(OnTime, Sent);

    /// <summary>A percentage as the seed writes it: “100%”, “85.7%” (one decimal at most); null when <paramref name="whole"/> is 0.</summary>
    public static string? Rate(int part, int whole)
    {
        if (whole <= 0)
        {
            return null;
        }

        var value = Math.Round(part * 100m / whole, 1, MidpointRounding.AwayFromZero);
        return value.ToString("0.#", CultureInfo.InvariantCulture) + "%";
    }
}

/// <summary>
/// Computes <see cref="HandlingFigures"/> from the records, never from cached counters: proposals, assignments and
/// consultations through <see cref="IProposalDirectory"/>, replies and their versions from this module's tables.
/// </summary>
public sealed class SummaryFigures(TransparencyDbContext db, IProposalDirectory proposals, IUnitDirectory units)
{
    private static readonly VersionState[] ApprovedStates = [VersionState.Approved, VersionState.Published, VersionState.Superseded];

    /// <summary>The figures of a session; <see cref="DocumentNotFoundException"/> when there is no such session.</summary>
    public async Task<HandlingFigures> ForSessionAsync(int sessionId, CancellationToken cancellationToken = default)
    {
        var session = (await proposals.SessionsAsync(cancellationToken)).FirstOrDefault(s => s.Id == sessionId)
            ?? throw new DocumentNotFoundException();
        var ours = (await units.ListAsync(cancellationToken)).Where(u => u.IsInternal).Select(u => u.Id).ToHashSet();

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

        var categories = handled.Where(h => !string.IsNullOrWhiteSpace(h.Proposal.Category))
            .GroupBy(h => h.Proposal.Category!.Trim())
            .Select(g => (Name: g.Key, Count: g.Count(), Lead: g.Count(h => h.IsLead)))
            .OrderByDescending(c => c.Count).ThenByDescending(c => c.Lead).ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => new CategoryCount(c.Name, c.Count))
            .ToList();

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
            Key: handled.Count(h => h.Proposal.IsKey));
    }
}
