namespace Transparency.Workflows.Models;

/// <summary>Where an e-mail stands.</summary>
public enum MailStatus
{
    Pending,
    Sent,
    Failed,
}

/// <summary>
/// An e-mail in the send queue (<c>workflows_mails</c>). Its idempotency key (run, activity, recipient) is unique, so a
/// repeated activity cannot queue it twice; it is the Message-Id the SMTP server receives.
/// </summary>
public sealed class OutgoingMail
{
    public const int KeyMaxLength = 200;

    public long Id { get; set; }
    public string IdempotencyKey { get; set; } = "";
    public long? RunId { get; set; }
    public string To { get; set; } = "";
    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";
    public MailStatus Status { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public DateTime NextAttemptUtc { get; set; }
    public string? LeaseHolder { get; set; }
    public DateTime? LeaseExpiresUtc { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime? SentUtc { get; set; }

    /// <summary>The Message-Id header: the key with characters a message id may not hold replaced.</summary>
    public string MessageId => new string(IdempotencyKey.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? c : '-').ToArray()) + "@transparency.workflows";
}
