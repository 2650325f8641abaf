using Microsoft.EntityFrameworkCore;
using Transparency.Core.Feedback;
using Transparency.Core.Proposals;
using Transparency.Core.Workflows;
using Transparency.Data;
using Transparency.Feedback.Models;

namespace Transparency.Feedback.Services;

/// <summary>The reminder timer's view of commitments (承诺事项): those not yet kept.</summary>
public sealed class CommitmentDeadlines(TransparencyDbContext db) : IDeadlineSource
{
    public async Task<IReadOnlyList<OpenDeadline>> OpenDeadlinesAsync(DateOnly today, CancellationToken cancellationToken = default)
    {
        var open = await db.Set<Commitment>().AsNoTracking().Where(c => c.DoneOn == null).ToListAsync(cancellationToken);
        return open.Select(c => new OpenDeadline(DeadlineKind.Commitment, c.Id, c.ProposalId, c.UnitId, c.DueOn, WorkflowEvent.ValuesOf(
            ("commitmentId", c.Id), ("proposalId", c.ProposalId), ("replyId", c.ReplyId), ("unitId", c.UnitId), ("text", c.Text),
            ("dueOn", c.DueOn)))).ToList();
    }
}

/// <summary>The invitation link of a representative's active invitation, for the e-mail sent with the reply.</summary>
public sealed class InvitationLinks(TransparencyDbContext db, InvitationService invitations, TimeProvider clock) : IInvitationLinks
{
    public async Task<string?> PathAsync(int proposalId, int representativeId, int round, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var invitation = await db.Set<FeedbackInvitation>().AsNoTracking()
            .Where(i => i.ProposalId == proposalId && i.RepresentativeId == representativeId && i.Round == round && i.RevokedUtc == null && i.ExpiresUtc > now)
            .OrderByDescending(i => i.Id).FirstOrDefaultAsync(cancellationToken);
        return invitation is null ? null : invitations.PathOf(invitation);
    }
}

/// <summary>
/// The OpenRehandlingRound activity: opens the round that a dissatisfied rating asks for, once. A rating of the current
/// round already opens it when saved (<see cref="RatingService"/>), so for such a rating this finds the round open.
/// </summary>
public sealed class RehandlingOpener(
    TransparencyDbContext db, RatingService ratings, IProposalDirectory proposals, IRepresentativeDirectory representatives, IHandlingRounds rounds)
    : IRehandlingOpener
{
    public async Task<RehandlingResult> OpenAsync(int ratingId, string actor, CancellationToken cancellationToken = default)
    {
        var rating = await db.Set<FeedbackRating>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == ratingId, cancellationToken);
        if (rating is null || rating.Overall != Satisfaction.Dissatisfied)
        {
            return RehandlingResult.NotApplicable;
        }

        if (await db.Set<FeedbackRound>().AnyAsync(r => r.OpenedByRatingId == ratingId || (r.ProposalId == rating.ProposalId && r.Number == rating.Round + 1), cancellationToken))
        {
            return RehandlingResult.AlreadyOpen;
        }

        var current = await rounds.CurrentAsync(rating.ProposalId, cancellationToken);
        var proposal = await proposals.FindAsync([rating.ProposalId], cancellationToken) is [var p, ..] ? p : null;
        if (proposal is null || current.Number != rating.Round || proposal.Status is not ("Replied" or "FeedbackReceived"))
        {
            return RehandlingResult.NotApplicable;
        }

        var representative = await representatives.FindAsync(rating.RepresentativeId, cancellationToken);
        var tracked = await db.Set<FeedbackRating>().FirstAsync(r => r.Id == ratingId, cancellationToken);
        await ratings.OpenNextRoundAsync(proposal, tracked, representative?.Name ?? "代表委员", current.Number + 1, actor);
        return RehandlingResult.Opened;
    }
}
