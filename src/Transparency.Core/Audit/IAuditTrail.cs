namespace Transparency.Core.Audit;

/// <summary>
/// Appends audit events. An event is added to the current unit of work, so it is saved in the
/// same transaction as the change it records, or not at all.
/// </summary>
public interface IAuditTrail
{
    /// <summary>Adds an event; the caller's SaveChanges writes it.</summary>
    void Record(AuditEntry entry);
}

/// <summary>What happened, to what, by whom.</summary>
/// <param name="Category">Area, e.g. <c>Users</c>, <c>Roles</c>, <c>Proposals</c>.</param>
/// <param name="Action">Verb, e.g. <c>Created</c>, <c>StatusChanged</c>, <c>SignInFailed</c>.</param>
/// <param name="SubjectId">The id or name of the thing changed, e.g. <c>proposal:42</c>.</param>
/// <param name="Summary">A sentence for the audit view.</param>
/// <param name="Actor">User name of who did it; null means the current user (or <c>system</c>).</param>
public sealed record AuditEntry(string Category, string Action, string SubjectId, string Summary, string? Actor = null)
{
    /// <summary>The state before a transition, if the event is one.</summary>
    public string? FromState { get; init; }

    /// <summary>The state after a transition, if the event is one.</summary>
    public string? ToState { get; init; }

    /// <summary>The actor's comment, e.g. the reason for a return.</summary>
    public string? Comment { get; init; }
}

/// <summary>An event as read back for an audit view.</summary>
public sealed record AuditRecord(
    long Id,
    DateTime OccurredUtc,
    string Actor,
    string Category,
    string Action,
    string SubjectId,
    string Summary,
    string? FromState,
    string? ToState,
    string? Comment);

/// <summary>Reads audit events, for modules that show the history of their own records.</summary>
public interface IAuditTrailReader
{
    /// <summary>The events about <paramref name="subjectId"/>, oldest first.</summary>
    Task<IReadOnlyList<AuditRecord>> ForSubjectAsync(string subjectId, CancellationToken cancellationToken = default);
}
