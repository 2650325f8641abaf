using Transparency.Proposals.Models;

namespace Transparency.Proposals.ViewModels.Handling;

/// <summary>延期申请 as posted.</summary>
public sealed class ExtensionForm
{
    public DateOnly? RequestedDueOn { get; set; }
    public string? Reason { get; set; }
}

/// <summary>延期审批 as posted: Decision is <c>approve</c> or <c>decline</c>.</summary>
public sealed class DecideForm
{
    public string? Decision { get; set; }
    public string? Comment { get; set; }
}

/// <summary>退办 as posted.</summary>
public sealed class ReturnForm
{
    public string? Reason { get; set; }
}

/// <summary>改办 as posted.</summary>
public sealed class ReassignForm
{
    public int? UnitId { get; set; }
    public string? Comment { get; set; }
}

/// <summary>并案 as posted.</summary>
public sealed class MergeForm
{
    public int? IntoProposalId { get; set; }
    public string? Comment { get; set; }
}

/// <summary>沟通联系记录 as posted (the attachment comes as a file field named <c>Attachment</c>).</summary>
public sealed class ConsultationForm
{
    public int? UnitId { get; set; }
    public DateOnly? Date { get; set; }
    public ConsultationMode? Mode { get; set; }
    public ConsultationStage? Stage { get; set; }
    public string? Participants { get; set; }
    public string? Notes { get; set; }
}

/// <summary>协办意见 as posted: Command is <c>save</c> or <c>submit</c>.</summary>
public sealed class CoOpinionForm
{
    public int? AssignmentId { get; set; }
    public string? Text { get; set; }
    public string? Command { get; set; }
}
