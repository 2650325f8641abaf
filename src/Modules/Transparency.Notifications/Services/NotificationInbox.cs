using Microsoft.EntityFrameworkCore;
using Transparency.Core.Notifications;
using Transparency.Data;
using Transparency.Notifications.Models;

namespace Transparency.Notifications.Services;

/// <summary>The one query layer for notices: every read is filtered by the recipient's user name here.</summary>
public sealed class NotificationInbox(TransparencyDbContext db) : INotificationInbox
{
    public Task<int> UnreadCountAsync(string userName, CancellationToken ct = default)
        => Own(userName).CountAsync(n => n.ReadUtc == null, ct);

    /// <summary>The user's own notices (tracked, so callers may mark them read).</summary>
    public IQueryable<Notice> Own(string userName) => db.Set<Notice>().Where(n => n.UserName == userName);
}
