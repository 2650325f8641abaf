namespace Transparency.Feedback.Models;

/// <summary>
/// A re-handling round (重新办理) of a proposal, opened by a dissatisfied rating. Round 1 is implicit (no row): a proposal
/// without rows is in round 1.
/// </summary>
public sealed class FeedbackRound
{
    public int Id { get; set; }
    public int ProposalId { get; set; }

    /// <summary>2, 3….</summary>
    public int Number { get; set; }

    /// <summary>The round's deadline: Session.RehandlingMonths after the dissatisfied rating, on the working-day calendar.</summary>
    public DateOnly DueOn { get; set; }

    /// <summary>The rating that opened the round.</summary>
    public int OpenedByRatingId { get; set; }

    public DateTime OpenedUtc { get; set; }
}
