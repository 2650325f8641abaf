namespace Transparency.Replies.Models;

/// <summary>A step in a document's history: submitted, approved or returned at a stage, sent, published….</summary>
public sealed class DocumentDecisionRecord
{
    public long Id { get; set; }
    public int DocumentId { get; set; }
    public int VersionNumber { get; set; }
    public DecisionAction Action { get; set; }

    /// <summary>The review stage's name (审核, 审定…) for stage decisions.</summary>
    public string? Stage { get; set; }

    public string Actor { get; set; } = "";
    public DateTime OccurredUtc { get; set; }
    public string? Comment { get; set; }
}
