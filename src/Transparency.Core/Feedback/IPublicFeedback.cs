namespace Transparency.Core.Feedback;

/// <summary>
/// What the public reply page shows of the representatives' feedback: the ratings of each round and the commitments of
/// the proposal's replies. Implemented by the feedback module; the portal reads it and shows a round's rating only
/// next to a published reply of that round (it filters reply ids through <c>IPublishedContent</c>).
/// </summary>
public interface IPublicFeedback
{
    /// <summary>The proposal's rounds with their ratings and commitments; empty lists when there are none.</summary>
    Task<PublicFeedbackRecord> ForProposalAsync(int proposalId, CancellationToken cancellationToken = default);
}

/// <summary>The public feedback record of one proposal.</summary>
/// <param name="Rounds">Handling rounds that have a sent reply, first first.</param>
/// <param name="Commitments">Commitments of the proposal's replies, by due date.</param>
public sealed record PublicFeedbackRecord(IReadOnlyList<PublicRound> Rounds, IReadOnlyList<PublicCommitment> Commitments);

/// <summary>A round as the public sees it.</summary>
/// <param name="Number">1, 2….</param>
/// <param name="ReplyIds">The round's sent replies (the caller keeps the published ones).</param>
/// <param name="DueOn">A re-handling round's deadline; null for round 1.</param>
/// <param name="Ratings">The ratings given in this round (corrections applied).</param>
public sealed record PublicRound(int Number, IReadOnlyList<int> ReplyIds, DateOnly? DueOn, IReadOnlyList<PublicRating> Ratings);

/// <summary>A representative's rating as the public sees it.</summary>
/// <param name="Representative">The representative's name.</param>
/// <param name="Overall">满意, 基本满意 or 不满意.</param>
/// <param name="Comment">The comment, only when the representative allowed it to be published; else null.</param>
/// <param name="GivenOn">The date of the rating (China).</param>
public sealed record PublicRating(string Representative, string Overall, string? Comment, DateOnly GivenOn);

/// <summary>A commitment (承诺事项) as the public sees it.</summary>
/// <param name="ReplyId">The reply that made it (the caller keeps those of published replies).</param>
/// <param name="Text">What was promised.</param>
/// <param name="DueOn">By when.</param>
/// <param name="Unit">The responsible unit's name.</param>
/// <param name="State">Kept, Pending or Overdue.</param>
/// <param name="DoneOn">When it was kept.</param>
public sealed record PublicCommitment(int ReplyId, string Text, DateOnly DueOn, string Unit, CommitmentState State, DateOnly? DoneOn);

/// <summary>Where a commitment stands.</summary>
public enum CommitmentState
{
    /// <summary>已兑现: marked done by the responsible unit.</summary>
    Kept,

    /// <summary>推进中: not done, not yet due.</summary>
    Pending,

    /// <summary>已逾期: not done and past its due date.</summary>
    Overdue,
}
