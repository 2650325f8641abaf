namespace Transparency.Proposals.Models;

/// <summary>延期: requested by the unit, approved or declined by the coordinator.</summary>
public sealed class DeadlineExtension
{
    public int Id { get; set; }
    public int AssignmentId { get; set; }
    public DateOnly RequestedDueOn { get; set; }
    public string Reason { get; set; } = "";
    public ExtensionStatus Status { get; set; }
    public string RequestedBy { get; set; } = "";
    public DateTime RequestedUtc { get; set; }
    public string? DecidedBy { get; set; }
    public DateTime? DecidedUtc { get; set; }
    public string? DecisionComment { get; set; }
}
