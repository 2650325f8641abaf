using Transparency.Core.Feedback;
using Transparency.Core.Proposals;
using Transparency.Feedback.Models;
using Transparency.Feedback.Services;

namespace Transparency.Feedback.ViewModels;

/// <summary>The representative's page of a proposal, reached by account or by invitation link.</summary>
public sealed class RepresentativePageModel
{
    public required MyProposalPage Page { get; init; }

    /// <summary>Where the form posts: <c>/my/proposals/{id}/feedback</c> or the invitation link.</summary>
    public required string FormAction { get; init; }

    /// <summary>The round the form rates, when the representative may rate now.</summary>
    public int? RoundToRate { get; init; }

    public RatingForm Form { get; init; } = new();
    public string? Error { get; init; }

    /// <summary>Shown after a submission, or after a second attempt (the rating that stands).</summary>
    public string? Notice { get; init; }

    /// <summary>True when reached through an invitation link (no account, no list of other proposals).</summary>
    public bool ByInvitation { get; init; }
}

/// <summary>The representative's list of their proposals.</summary>
public sealed record MyProposalsModel(RepresentativeInfo Representative, IReadOnlyList<MyProposalRow> Rows);

/// <summary>The feedback dashboard of the back office.</summary>
public sealed class FeedbackDashboardModel
{
    public required IReadOnlyList<(Commitment Commitment, ProposalInfo Proposal, string Unit)> Overdue { get; init; }
    public required IReadOnlyList<(FeedbackRating Rating, ProposalInfo Proposal, string Representative)> Latest { get; init; }
}

/// <summary>A rating with its corrections, as staff see it.</summary>
public sealed record StaffRating(FeedbackRating Rating, string Representative, IReadOnlyList<FeedbackCorrection> Corrections)
{
    public Satisfaction Overall => Corrections.Count > 0 ? Corrections[^1].Overall : Rating.Overall;
}

/// <summary>An invitation with its link (shown only to Feedback.Manage).</summary>
public sealed record StaffInvitation(FeedbackInvitation Invitation, string Representative, string? Link, string State);

/// <summary>The back-office feedback page of a proposal.</summary>
public sealed class FeedbackProposalModel
{
    public required ProposalInfo Proposal { get; init; }
    public required IReadOnlyList<RepresentativeInfo> Representatives { get; init; }
    public required IReadOnlyList<ReplyFacts> Replies { get; init; }
    public required HandlingRound Round { get; init; }
    public required IReadOnlyList<StaffRating> Ratings { get; init; }
    public required IReadOnlyList<StaffInvitation> Invitations { get; init; }
    public required IReadOnlyList<(Commitment Commitment, string Unit, CommitmentState State)> Commitments { get; init; }
    public required IReadOnlyList<Core.Units.UnitInfo> Units { get; init; }
    public bool CanManage { get; init; }
    public bool CanRecord { get; init; }
    public bool CanCommit { get; init; }
    public string? Error { get; init; }
}
