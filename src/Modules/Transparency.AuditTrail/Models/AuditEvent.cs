namespace Transparency.AuditTrail.Models;

/// <summary>One recorded change. Rows are only ever inserted.</summary>
public sealed class AuditEvent
{
    public long Id { get; set; }
    public DateTime OccurredUtc { get; set; }
    public string Actor { get; set; } = "";
    public string Category { get; set; } = "";
    public string Action { get; set; } = "";
    public string SubjectId { get; set; } = "";
    public string Summary { get; set; } = "";
    public string? FromState { get; set; }
    public string? ToState { get; set; }
    public string? Comment { get; set; }
}
