using Transparency.Core.Security;

namespace Transparency.Notifications;

public static class NotificationsPermissions
{
    /// <summary>Read one's own notices. Granted to every back-office role; nobody can read another user's notices.</summary>
    public const string View = "Notifications.View";

    public static IEnumerable<Permission> All =>
    [
        new(View, "查看本人通知", "系统管理"),
    ];
}
