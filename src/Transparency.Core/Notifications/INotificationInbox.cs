namespace Transparency.Core.Notifications;

/// <summary>
/// Reads a staff user's in-app notices, e.g. for the unread count in the back-office header. Optional: the
/// admin theme resolves it with <c>GetService</c>, so the site still works without the module that implements it.
/// </summary>
public interface INotificationInbox
{
    /// <summary>How many of the user's own notices are still unread.</summary>
    /// <param name="userName">The signed-in user's name (<c>User.Identity.Name</c>).</param>
    /// <param name="ct">Cancels the read, e.g. when the request is aborted.</param>
    /// <returns>The number of unread notices; 0 when there are none or the user is unknown.</returns>
    Task<int> UnreadCountAsync(string userName, CancellationToken ct = default);
}
