using Transparency.Notifications.Models;

namespace Transparency.Notifications.ViewModels;

public sealed class NotificationsPageViewModel
{
    public required IReadOnlyList<Notice> Notices { get; init; }

    public required int Page { get; init; }

    public required bool HasMore { get; init; }

    public required int UnreadCount { get; init; }

    /// <summary>A time in China Standard Time (UTC+8), as staff read it.</summary>
    public static string Local(DateTime utc)
        => DateTime.SpecifyKind(utc, DateTimeKind.Utc).AddHours(8).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
