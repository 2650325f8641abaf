namespace Transparency.Replies.Models;

/// <summary>
/// A content item with versions that goes through review, approval and publication (Orchard's ContentItem, in
/// small): a reply or a handling summary. The latest version is the one being worked on; the published version
/// stays separate until a new one is published.
/// </summary>
public sealed class ReviewedDocument
{
    public int Id { get; set; }
    public DocumentKind Kind { get; set; }
    public DocumentStatus Status { get; set; }

    /// <summary>The review stage the latest version waits at (index into the configured stages), when in review.</summary>
    public int? StageIndex { get; set; }

    /// <summary>The unit that owns the document (the lead unit for a reply); null for bureau-wide documents.</summary>
    public int? UnitId { get; set; }

    public int LatestVersion { get; set; }
    public int? PublishedVersion { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime UpdatedUtc { get; set; }
    public DateTime? PublishedUtc { get; set; }

    /// <summary>不予公开 or 撤回公开: the stated reason.</summary>
    public string? NotPublicReason { get; set; }

    public List<DocumentVersion> Versions { get; set; } = [];

    /// <summary>The audit-trail subject of a document.</summary>
    public static string SubjectId(int id) => $"document:{id}";
}
