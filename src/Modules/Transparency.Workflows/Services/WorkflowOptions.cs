using System.Globalization;

namespace Transparency.Workflows.Services;

/// <summary>Configuration section <c>Workflows</c>.</summary>
public sealed class WorkflowOptions
{
    /// <summary>False on a node that must not process the outbox, send mail or scan for reminders.</summary>
    public bool Worker { get; set; } = true;

    /// <summary>How often the worker looks for work that other nodes recorded (it is woken at once for its own).</summary>
    public int PollMilliseconds { get; set; } = 1000;

    /// <summary>How long a node holds an outbox event, a mail or the reminder lease before another may take over.</summary>
    public int LeaseSeconds { get; set; } = 60;

    /// <summary>How often the reminder scan runs (on one node of the cluster).</summary>
    public int ReminderScanSeconds { get; set; } = 600;

    /// <summary>Working days before a due date at which DeadlineApproaching is raised, e.g. "14,7,1".</summary>
    public string ReminderDays { get; set; } = "14,7,1";

    /// <summary>The site's public address, for absolute links in mails (<c>site_url</c>, <c>recipient.link</c>).</summary>
    public string SiteUrl { get; set; } = "http://localhost:5000";

    /// <summary>HttpRequest: attempts per run before the outcome is Failed.</summary>
    public int HttpMaxAttempts { get; set; } = 3;

    /// <summary>HttpRequest: delay before the second attempt; doubled for each further one.</summary>
    public int HttpBackoffMilliseconds { get; set; } = 2000;

    /// <summary>HttpRequest: time allowed for one attempt.</summary>
    public int HttpTimeoutSeconds { get; set; } = 30;

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>The thresholds, largest first; invalid entries are ignored.</summary>
    public IReadOnlyList<int> Thresholds()
        => ReminderDays.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0)
            .Where(n => n is > 0 and <= 365).Distinct().OrderDescending().ToList();
}

/// <summary>Configuration section <c>Workflows:Smtp</c>: the mail server (MailKit).</summary>
public sealed class SmtpOptions
{
    /// <summary>Empty: no server configured; mails wait in the queue.</summary>
    public string Host { get; set; } = "";

    public int Port { get; set; } = 25;

    /// <summary>None, StartTls, StartTlsWhenAvailable, SslOnConnect or Auto (MailKit's SecureSocketOptions).</summary>
    public string Security { get; set; } = "StartTlsWhenAvailable";

    public string? UserName { get; set; }
    public string? Password { get; set; }

    /// <summary>The sender, e.g. <c>建议提案办理平台 &lt;noreply@example.gov.cn&gt;</c>.</summary>
    public string From { get; set; } = "建议提案办理平台 <noreply@example.gov.cn>";

    /// <summary>Attempts before a mail is marked failed (it can then be retried from the outbox page).</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Delay before the second attempt; doubled for each further one (at most an hour).</summary>
    public int BackoffSeconds { get; set; } = 30;
}
