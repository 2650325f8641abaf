namespace Transparency.Replies.Models;

/// <summary>One version of a document: the official text, the public text (a copy at first), the outcome.</summary>
public sealed class DocumentVersion
{
    public int Id { get; set; }
    public int DocumentId { get; set; }
    public ReviewedDocument Document { get; set; } = null!;

    /// <summary>1, 2, 3… within the document.</summary>
    public int Number { get; set; }

    public VersionState State { get; set; }
    public string Title { get; set; } = "";

    /// <summary>The official text (sanitized HTML), as sent to the representatives.</summary>
    public string OfficialHtml { get; set; } = "";

    /// <summary>The public text (sanitized HTML), with redaction marks.</summary>
    public string PublicHtml { get; set; } = "";

    /// <summary>The reply's outcome class; null for summaries.</summary>
    public ReplyOutcome? Outcome { get; set; }

    public string CreatedBy { get; set; } = "";
    public DateTime CreatedUtc { get; set; }
    public string UpdatedBy { get; set; } = "";
    public DateTime UpdatedUtc { get; set; }

    /// <summary>Optimistic concurrency: raised by every save; a save based on an older revision is refused.</summary>
    public int Revision { get; set; }

    /// <summary>What this version was made from, e.g. “由第2版恢复”.</summary>
    public string? Note { get; set; }
}
