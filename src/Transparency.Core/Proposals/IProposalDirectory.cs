using System.Security.Claims;

namespace Transparency.Core.Proposals;

/// <summary>
/// Read access to proposals and the one transition other modules may ask for (答复 → Replied), for modules
/// that must not reach into the Proposals module (replies, summaries, the public site, feedback).
/// </summary>
public interface IProposalDirectory
{
    /// <summary>The proposal when <paramref name="user"/> may see it (unit scoping applies); null otherwise.</summary>
    Task<ProposalInfo?> FindVisibleAsync(int proposalId, ClaimsPrincipal user, CancellationToken cancellationToken = default);

    /// <summary>Proposals by id, without scoping: for server-side work and for published content.</summary>
    Task<IReadOnlyList<ProposalInfo>> FindAsync(IEnumerable<int> proposalIds, CancellationToken cancellationToken = default);

    /// <summary>The ids of the proposals <paramref name="user"/> may see among <paramref name="proposalIds"/>.</summary>
    Task<IReadOnlySet<int>> VisibleIdsAsync(IEnumerable<int> proposalIds, ClaimsPrincipal user, CancellationToken cancellationToken = default);

    /// <summary>All sessions, newest first.</summary>
    Task<IReadOnlyList<SessionInfo>> SessionsAsync(CancellationToken cancellationToken = default);

    /// <summary>The proposals of a session, for figures and lists (representatives and assignments included).</summary>
    Task<IReadOnlyList<ProposalInfo>> ListBySessionAsync(int sessionId, CancellationToken cancellationToken = default);

    /// <summary>Proposal ids with at least one consultation (沟通联系) recorded, among a session's proposals.</summary>
    Task<IReadOnlySet<int>> ConsultedAsync(int sessionId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stages the proposal's move to <c>Replied</c> (from InProgress, Assigned or Rehandling) with its audit event;
    /// the caller saves in its own unit of work. Does nothing when the proposal is already Replied or later.
    /// </summary>
    Task MarkRepliedAsync(int proposalId, ClaimsPrincipal actor, string comment, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stages the proposal's move to <c>InProgress</c> when it is still <c>Assigned</c> (a reply draft was started);
    /// the caller saves.
    /// </summary>
    Task MarkInProgressAsync(int proposalId, ClaimsPrincipal actor, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stages the proposal's move to <c>Rehandling</c> (重新办理, from Replied or FeedbackReceived) with its audit event,
    /// as the consequence of a dissatisfied rating; the caller saves. Refused (<see cref="InvalidOperationException"/>)
    /// from any other status.
    /// </summary>
    Task MarkRehandlingAsync(int proposalId, string comment, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stages the proposal's move to <c>FeedbackReceived</c> when it is <c>Replied</c> (a satisfied rating arrived); the
    /// caller saves. Does nothing from any other status.
    /// </summary>
    Task MarkFeedbackReceivedAsync(int proposalId, string comment, CancellationToken cancellationToken = default);
}

/// <summary>A session (届次) as other modules see it.</summary>
/// <param name="Id">Key.</param>
/// <param name="Name">e.g. 市十六届人大三次会议.</param>
/// <param name="Year">The year of the session.</param>
/// <param name="IsCppcc">True for a CPPCC session (提案), false for a people's congress (建议).</param>
public sealed record SessionInfo(int Id, string Name, int Year, bool IsCppcc)
{
    /// <summary>Months for a re-handling round after a dissatisfied rating (重新办理; default 1).</summary>
    public int RehandlingMonths { get; init; } = 1;
}

/// <summary>How a unit takes part in handling a proposal.</summary>
public enum HandlingPart
{
    /// <summary>主办.</summary>
    Lead,

    /// <summary>协办.</summary>
    Co,

    /// <summary>分办.</summary>
    Split,
}

/// <summary>An active (not replaced) assignment of a proposal to a unit.</summary>
/// <param name="Id">Key.</param>
/// <param name="UnitId">The unit.</param>
/// <param name="Part">主办, 协办 or 分办.</param>
/// <param name="AssignedOn">交办日期.</param>
/// <param name="DueOn">The deadline in force.</param>
/// <param name="IsReturned">True when the unit returned it (退办) and it awaits reassignment.</param>
public sealed record AssignmentInfo(int Id, int UnitId, HandlingPart Part, DateOnly AssignedOn, DateOnly DueOn, bool IsReturned);

/// <summary>A proposal as other modules see it.</summary>
/// <param name="Id">Key.</param>
/// <param name="Session">Its session.</param>
/// <param name="Number">建议编号 within the session.</param>
/// <param name="Title">标题.</param>
/// <param name="Category">类别 name, if any.</param>
/// <param name="Status">The lifecycle status name (Registered, Assigned, InProgress, Replied, …).</param>
/// <param name="IsKey">重点建议.</param>
/// <param name="Representatives">The representatives' names, lead first.</param>
/// <param name="Assignments">Active and returned assignments (replaced ones are left out).</param>
public sealed record ProposalInfo(
    int Id,
    SessionInfo Session,
    string Number,
    string Title,
    string? Category,
    string Status,
    bool IsKey,
    IReadOnlyList<string> Representatives,
    IReadOnlyList<AssignmentInfo> Assignments)
{
    /// <summary>建议 or 提案, by the session's kind.</summary>
    public string KindName => Session.IsCppcc ? "提案" : "建议";
}
