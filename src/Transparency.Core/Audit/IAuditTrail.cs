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
/// <param name="Category">Area, e.g. <c>Users</c>, <c>Roles</c>, <c>Recipes</c>.</param>
/// <param name="Action">Verb, e.g. <c>Created</c>, <c>PermissionsChanged</c>, <c>SignInFailed</c>.</param>
/// <param name="SubjectId">The id or name of the thing changed.</param>
/// <param name="Summary">A sentence for the audit view.</param>
/// <param name="Actor">User name of who did it; null means the current user (or <c>system</c>).</param>
public sealed record AuditEntry(string Category, string Action, string SubjectId, string Summary, string? Actor = null);
