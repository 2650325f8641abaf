namespace Transparency.Replies.Models;

/// <summary>办理工作总结: the bureau's annual summary for one session; its text lives in a <see cref="ReviewedDocument"/>.</summary>
public sealed class HandlingSummary
{
    public int Id { get; set; }
    public int DocumentId { get; set; }
    public ReviewedDocument Document { get; set; } = null!;
    public int SessionId { get; set; }
    public int Year { get; set; }
}
