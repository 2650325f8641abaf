using Transparency.Core.Feedback;
using Transparency.Core.Publishing;

namespace Transparency.Portal.Services;

/// <summary>A round on the public reply page: its published replies and its ratings.</summary>
/// <param name="Number">1, 2….</param>
/// <param name="Replies">The round's published replies (a round without one is not shown at all).</param>
/// <param name="DueOn">A re-handling round's deadline.</param>
/// <param name="Ratings">The round's ratings (a comment only when the representative allowed it).</param>
public sealed record TimelineRound(int Number, IReadOnlyList<PublishedReply> Replies, DateOnly? DueOn, IReadOnlyList<PublicRating> Ratings);

/// <summary>The feedback part of a public reply page: rounds and commitments of the proposal's published replies.</summary>
/// <param name="Rounds">Rounds with a published reply, first first.</param>
/// <param name="Commitments">Commitments of published replies.</param>
public sealed record ReplyTimelineModel(IReadOnlyList<TimelineRound> Rounds, IReadOnlyList<PublicCommitment> Commitments);

/// <summary>
/// Builds the timeline of rounds (first reply, rating, re-handled reply, second rating) and the commitments from
/// <see cref="IPublicFeedback"/>, keeping only what belongs to replies <see cref="IPublishedContent"/> says are published:
/// an unpublished round, its ratings and its commitments never reach the page.
/// </summary>
public sealed class ReplyTimeline(IEnumerable<IPublicFeedback> sources, IPublishedContent content)
{
    public const string ViewDataKey = "ReplyTimeline";

    public async Task<ReplyTimelineModel?> ForAsync(PublishedReply reply, CancellationToken cancellationToken)
    {
        if (sources.FirstOrDefault() is not { } source)
        {
            return null;
        }

        var record = await source.ForProposalAsync(reply.ProposalId, cancellationToken);
        var ids = record.Rounds.SelectMany(r => r.ReplyIds).Concat(record.Commitments.Select(c => c.ReplyId)).Distinct().ToList();
        var published = (await content.FindRepliesAsync(ids, cancellationToken)).ToDictionary(r => r.Id);
        var rounds = record.Rounds
            .Select(r => new TimelineRound(r.Number, r.ReplyIds.Where(published.ContainsKey).Select(id => published[id]).ToList(), r.DueOn, r.Ratings))
            .Where(r => r.Replies.Count > 0)
            .ToList();
        return new ReplyTimelineModel(rounds, record.Commitments.Where(c => published.ContainsKey(c.ReplyId)).ToList());
    }
}
