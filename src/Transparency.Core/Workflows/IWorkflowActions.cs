namespace Transparency.Core.Workflows;

/// <summary>What the OpenRehandlingRound activity achieved.</summary>
public enum RehandlingResult
{
    /// <summary>A new round was opened now.</summary>
    Opened,

    /// <summary>The rating's round had already been opened (e.g. by the rating itself); nothing changed.</summary>
    AlreadyOpen,

    /// <summary>The rating is not a dissatisfied rating of the current round of a replied proposal.</summary>
    NotApplicable,
}

/// <summary>
/// Opens a re-handling round (重新办理) for a dissatisfied rating; implemented by the feedback module. Idempotent: a
/// round is opened at most once per rating. Staged in the caller's unit of work; the caller saves.
/// </summary>
public interface IRehandlingOpener
{
    /// <summary>Opens the next round for the rating, unless it is open already or does not apply.</summary>
    /// <param name="ratingId">The dissatisfied rating.</param>
    /// <param name="actor">Who acts (the workflow's name).</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>What happened.</returns>
    Task<RehandlingResult> OpenAsync(int ratingId, string actor, CancellationToken cancellationToken = default);
}

/// <summary>
/// Publishes a sent reply without a person at the keyboard; implemented by the replies module. It refuses (returns a
/// reason) when the public text holds suspected personal data, which only a person may redact or confirm.
/// </summary>
public interface IReplyAutoPublisher
{
    /// <summary>Publishes the reply's latest version, or explains why not; saves on success.</summary>
    /// <param name="replyId">The reply.</param>
    /// <param name="actor">Who acts (the workflow's name).</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>Null when published (or already published); otherwise why it was not.</returns>
    Task<string?> PublishAsync(int replyId, string actor, CancellationToken cancellationToken = default);
}

/// <summary>The representatives of a proposal with an e-mail address; implemented by the proposals module.</summary>
public interface IRepresentativeEmails
{
    /// <summary>The proposal's representatives who have an e-mail address, lead first.</summary>
    /// <param name="proposalId">The proposal.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>Id, name and address of each.</returns>
    Task<IReadOnlyList<RepresentativeEmail>> OfProposalAsync(int proposalId, CancellationToken cancellationToken = default);
}

/// <summary>A representative to write to.</summary>
/// <param name="Id">The representative's id.</param>
/// <param name="Name">Name.</param>
/// <param name="Email">E-mail address.</param>
public sealed record RepresentativeEmail(int Id, string Name, string Email);

/// <summary>The invitation links (征询意见链接) of representatives; implemented by the feedback module.</summary>
public interface IInvitationLinks
{
    /// <summary>The site-relative link of the representative's active invitation for the round, or null.</summary>
    /// <param name="proposalId">The proposal.</param>
    /// <param name="representativeId">The representative.</param>
    /// <param name="round">The handling round.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The path (e.g. <c>/feedback/invitation/…</c>) or null.</returns>
    Task<string?> PathAsync(int proposalId, int representativeId, int round, CancellationToken cancellationToken = default);
}
