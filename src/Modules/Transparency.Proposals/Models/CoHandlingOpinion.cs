namespace Transparency.Proposals.Models;

/// <summary>协办意见: a co-unit's written opinion, visible to the lead unit once submitted.</summary>
public sealed class CoHandlingOpinion
{
    public int Id { get; set; }
    public int AssignmentId { get; set; }
    public Assignment Assignment { get; set; } = null!;
    public string Text { get; set; } = "";
    public CoOpinionStatus Status { get; set; }
    public DateOnly DueOn { get; set; }
    public string? SubmittedBy { get; set; }
    public DateTime? SubmittedUtc { get; set; }
    public DateTime UpdatedUtc { get; set; }
}
