namespace Transparency.Notifications.Models;

/// <summary>One in-app notice for one staff user. Only its recipient reads it or marks it read.</summary>
public sealed class Notice
{
    public const int UserNameMaxLength = 256;
    public const int MessageMaxLength = 1000;
    public const int UrlMaxLength = 500;

    public long Id { get; set; }

    /// <summary>The recipient's user name as stored in <c>users_users</c> (what <c>User.Identity.Name</c> returns).</summary>
    public string UserName { get; set; } = "";

    /// <summary>One sentence, e.g. 第0012号建议的答复已被退回：……</summary>
    public string Message { get; set; } = "";

    /// <summary>A local back-office path (starts with one '/'), or null.</summary>
    public string? Url { get; set; }

    public DateTime CreatedUtc { get; set; }

    /// <summary>When the recipient opened it or marked all read; null while unread.</summary>
    public DateTime? ReadUtc { get; set; }
}
