using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Transparency.Core.Proposals;
using Transparency.Data;
using Transparency.Proposals.Models;

namespace Transparency.Proposals.Services;

/// <summary>The Proposals module's side of <see cref="IProposalDirectory"/>: other modules read proposals through it.</summary>
public sealed class ProposalDirectory(TransparencyDbContext db, ProposalScope scope, ProposalLifecycle lifecycle) : IProposalDirectory
{
    public async Task<ProposalInfo?> FindVisibleAsync(int proposalId, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var visible = await scope.VisibleAsync(user);
        var proposal = await Loaded(visible).FirstOrDefaultAsync(p => p.Id == proposalId, cancellationToken);
        return proposal is null ? null : ToInfo(proposal);
    }

    public async Task<IReadOnlyList<ProposalInfo>> FindAsync(IEnumerable<int> proposalIds, CancellationToken cancellationToken = default)
    {
        var ids = proposalIds.Distinct().ToList();
        var proposals = await Loaded(db.Set<Proposal>()).Where(p => ids.Contains(p.Id)).ToListAsync(cancellationToken);
        return proposals.Select(ToInfo).ToList();
    }

    public async Task<IReadOnlySet<int>> VisibleIdsAsync(IEnumerable<int> proposalIds, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var ids = proposalIds.Distinct().ToList();
        var visible = await scope.VisibleAsync(user);
        return (await visible.Where(p => ids.Contains(p.Id)).Select(p => p.Id).ToListAsync(cancellationToken)).ToHashSet();
    }

    public async Task<IReadOnlyList<SessionInfo>> SessionsAsync(CancellationToken cancellationToken = default)
        => (await db.Set<Session>().AsNoTracking().OrderByDescending(s => s.Year).ThenBy(s => s.Name).ToListAsync(cancellationToken))
            .Select(ToInfo).ToList();

    public async Task<IReadOnlyList<ProposalInfo>> ListBySessionAsync(int sessionId, CancellationToken cancellationToken = default)
    {
        var proposals = await Loaded(db.Set<Proposal>()).Where(p => p.SessionId == sessionId)
            .OrderBy(p => p.Number).ToListAsync(cancellationToken);
        return proposals.Select(ToInfo).ToList();
    }

    public async Task<IReadOnlySet<int>> ConsultedAsync(int sessionId, CancellationToken cancellationToken = default)
        => (await db.Set<Consultation>()
            .Where(c => db.Set<Proposal>().Any(p => p.Id == c.ProposalId && p.SessionId == sessionId))
            .Select(c => c.ProposalId).Distinct().ToListAsync(cancellationToken)).ToHashSet();

    public async Task MarkRepliedAsync(int proposalId, ClaimsPrincipal actor, string comment, CancellationToken cancellationToken = default)
    {
        var proposal = await db.Set<Proposal>().FirstAsync(p => p.Id == proposalId, cancellationToken);
        if (proposal.Status is ProposalStatus.Assigned)
        {
            lifecycle.ApplyConsequence(proposal, ProposalStatus.InProgress, null);
        }

        if (proposal.Status is ProposalStatus.InProgress or ProposalStatus.Rehandling)
        {
            lifecycle.ApplyConsequence(proposal, ProposalStatus.Replied, comment);
        }
    }

    public async Task MarkInProgressAsync(int proposalId, ClaimsPrincipal actor, CancellationToken cancellationToken = default)
    {
        var proposal = await db.Set<Proposal>().FirstAsync(p => p.Id == proposalId, cancellationToken);
        if (proposal.Status is ProposalStatus.Assigned)
        {
            lifecycle.ApplyConsequence(proposal, ProposalStatus.InProgress, "开始起草答复");
        }
    }

    public async Task MarkRehandlingAsync(int proposalId, string comment, CancellationToken cancellationToken = default)
    {
        var proposal = await db.Set<Proposal>().FirstAsync(p => p.Id == proposalId, cancellationToken);
        if (proposal.Status is not (ProposalStatus.Replied or ProposalStatus.FeedbackReceived))
        {
            throw new InvalidOperationException($"Proposal {proposalId} is {proposal.Status}; only a replied proposal can be re-handled.");
        }

        lifecycle.ApplyConsequence(proposal, ProposalStatus.Rehandling, comment);
    }

    public async Task MarkFeedbackReceivedAsync(int proposalId, string comment, CancellationToken cancellationToken = default)
    {
        var proposal = await db.Set<Proposal>().FirstAsync(p => p.Id == proposalId, cancellationToken);
        if (proposal.Status is ProposalStatus.Replied)
        {
            lifecycle.ApplyConsequence(proposal, ProposalStatus.FeedbackReceived, comment);
        }
    }

    private static IQueryable<Proposal> Loaded(IQueryable<Proposal> query)
        => query.AsNoTracking()
            .Include(p => p.Session)
            .Include(p => p.Category)
            .Include(p => p.Representatives).ThenInclude(r => r.Representative)
            .Include(p => p.Assignments)
            .AsSplitQuery();

    private static SessionInfo ToInfo(Session s) => new(s.Id, s.Name, s.Year, s.Kind == SessionKind.Cppcc) { RehandlingMonths = s.RehandlingMonths };

    private static ProposalInfo ToInfo(Proposal p) => new(
        p.Id,
        ToInfo(p.Session),
        p.Number,
        p.Title,
        p.Category?.Name,
        p.Status.ToString(),
        p.IsKey,
        p.Representatives.OrderBy(r => r.Position).Select(r => r.Representative.Name).ToList(),
        p.Assignments.Where(a => a.Status != AssignmentStatus.Replaced).OrderBy(a => a.Role).ThenBy(a => a.Id)
            .Select(a => new AssignmentInfo(
                a.Id,
                a.UnitId,
                a.Role switch { HandlingRole.Lead => HandlingPart.Lead, HandlingRole.Co => HandlingPart.Co, _ => HandlingPart.Split },
                a.AssignedOn,
                a.DueOn,
                a.Status == AssignmentStatus.Returned))
            .ToList());
}
