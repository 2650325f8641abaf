namespace Transparency.Core.Notifications;

/// <summary>
/// Leaves in-app notices for staff users (shown in the back office with an unread count). A notice is added
/// to the current unit of work, so it is saved with the change it announces, or not at all.
/// </summary>
public interface INotificationSender
{
    /// <summary>Stages one notice per user name (unknown names are skipped when saved); the caller saves.</summary>
    /// <param name="userNames">Recipients' user names.</param>
    /// <param name="message">One sentence, e.g. 第0012号建议的答复已被退回：……</param>
    /// <param name="url">A back-office link to the thing concerned, or null.</param>
    void Notify(IEnumerable<string> userNames, string message, string? url);
}
