using Microsoft.EntityFrameworkCore;
using Transparency.Core.Feedback;
using Transparency.Core.Proposals;
using Transparency.Core.Units;
using Transparency.Data;
using Transparency.Feedback.Models;

namespace Transparency.Feedback.Services;

/// <summary>
/// The feedback module's side of <see cref="IPublicFeedback"/>: rounds with a sent reply, their ratings (corrections
/// applied; a comment only when the representative allowed it), and commitments. The portal keeps only what belongs to
/// published replies.
/// </summary>
public sealed class PublicFeedback(
    TransparencyDbContext db,
    IReplyDirectory replies,
    IRepresentativeDirectory representatives,
    IUnitDirectory units,
    TimeProvider clock) : IPublicFeedback
{
    public async Task<PublicFeedbackRecord> ForProposalAsync(int proposalId, CancellationToken cancellationToken = default)
    {
        var sent = (await replies.ForProposalAsync(proposalId, cancellationToken)).Where(r => r.IsSent).ToList();
        var ratings = await db.Set<FeedbackRating>().AsNoTracking().Where(r => r.ProposalId == proposalId)
            .OrderBy(r => r.SubmittedUtc).ThenBy(r => r.Id).ToListAsync(cancellationToken);
        var ratingIds = ratings.Select(r => r.Id).ToList();
        var corrections = await db.Set<FeedbackCorrection>().AsNoTracking().Where(c => ratingIds.Contains(c.RatingId))
            .OrderBy(c => c.Id).ToListAsync(cancellationToken);
        var roundDue = await db.Set<FeedbackRound>().AsNoTracking().Where(r => r.ProposalId == proposalId)
            .ToDictionaryAsync(r => r.Number, r => r.DueOn, cancellationToken);
        var names = (await representatives.OfProposalAsync(proposalId, cancellationToken)).ToDictionary(r => r.Id, r => r.Name);

        var rounds = sent.GroupBy(r => r.Round).OrderBy(g => g.Key).Select(g => new PublicRound(
            g.Key,
            g.Select(r => r.Id).ToList(),
            roundDue.TryGetValue(g.Key, out var due) ? due : null,
            ratings.Where(r => r.Round == g.Key).Select(r => new PublicRating(
                names.GetValueOrDefault(r.RepresentativeId, ""),
                FeedbackText.Of(corrections.LastOrDefault(c => c.RatingId == r.Id)?.Overall ?? r.Overall),
                r.CommentPublic ? r.Comment : null,
                FeedbackText.ChinaDate(r.SubmittedUtc))).ToList())).ToList();

        var commitments = await db.Set<Commitment>().AsNoTracking().Where(c => c.ProposalId == proposalId)
            .OrderBy(c => c.DueOn).ThenBy(c => c.Id).ToListAsync(cancellationToken);
        var unitNames = (await units.FindAsync(commitments.Select(c => c.UnitId).Distinct(), cancellationToken)).ToDictionary(u => u.Id, u => u.Name);
        var today = FeedbackText.Today(clock);
        return new PublicFeedbackRecord(
            rounds,
            commitments.Select(c => new PublicCommitment(c.ReplyId, c.Text, c.DueOn, unitNames.GetValueOrDefault(c.UnitId, ""),
                CommitmentService.StateOf(c, today), c.DoneOn)).ToList());
    }
}
