namespace Transparency.Feedback.Services;

/// <summary>Configuration section <c>Feedback</c>.</summary>
public sealed class FeedbackOptions
{
    /// <summary>Days an invitation link stays valid (default 60).</summary>
    public int InvitationDays { get; set; } = 60;

    /// <summary>Requests one client may make to one invitation or feedback address per window (default 10).</summary>
    public int RatePermits { get; set; } = 10;

    /// <summary>The rate-limit window in seconds (default 60).</summary>
    public int RateWindowSeconds { get; set; } = 60;
}
