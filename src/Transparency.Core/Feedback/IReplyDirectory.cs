namespace Transparency.Core.Feedback;

/// <summary>
/// Read access to replies for the feedback module (the representative's own view, commitments, invitations), which
/// must not reach into the replies module. It returns staff-side facts; the caller decides who may see them (a
/// representative sees only the sent replies of their own proposals).
/// </summary>
public interface IReplyDirectory
{
    /// <summary>The replies of a proposal, first round first.</summary>
    Task<IReadOnlyList<ReplyFacts>> ForProposalAsync(int proposalId, CancellationToken cancellationToken = default);

    /// <summary>One reply, or null.</summary>
    Task<ReplyFacts?> FindAsync(int replyId, CancellationToken cancellationToken = default);
}

/// <summary>A reply as the feedback module sees it.</summary>
/// <param name="Id">The reply.</param>
/// <param name="ProposalId">The proposal it answers.</param>
/// <param name="Round">Its handling round.</param>
/// <param name="UnitId">The replying unit.</param>
/// <param name="UnitName">The replying unit's name.</param>
/// <param name="Status">The document status name (Draft, InReview, …, Sent, Published, Withheld, Unpublished).</param>
/// <param name="SentOn">送达日期, once sent.</param>
/// <param name="DueOn">The deadline in force when it was sent.</param>
/// <param name="Outcome">A, B or C of the approved (or latest) version, when set.</param>
/// <param name="Title">The approved (or latest) version's title.</param>
/// <param name="OfficialHtml">The text that was sent: the approved version's official text (sanitized HTML); empty until approved.</param>
/// <param name="IsPublished">True while the reply is published on the public site.</param>
public sealed record ReplyFacts(
    int Id,
    int ProposalId,
    int Round,
    int UnitId,
    string UnitName,
    string Status,
    DateOnly? SentOn,
    DateOnly? DueOn,
    string? Outcome,
    string Title,
    string OfficialHtml,
    bool IsPublished)
{
    /// <summary>True once the reply reached the representatives (sent, and published or not).</summary>
    public bool IsSent => SentOn is not null;
}
