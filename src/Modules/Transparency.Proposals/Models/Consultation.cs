namespace Transparency.Proposals.Models;

/// <summary>面商 / 沟通联系: a contact with the representatives about a proposal.</summary>
public sealed class Consultation
{
    public int Id { get; set; }
    public int ProposalId { get; set; }
    public int UnitId { get; set; }
    public DateOnly Date { get; set; }
    public ConsultationMode Mode { get; set; }
    public ConsultationStage Stage { get; set; }
    public string Participants { get; set; } = "";
    public string Notes { get; set; } = "";

    /// <summary>Original file name of the attachment, if any.</summary>
    public string? AttachmentName { get; set; }

    /// <summary>Where the attachment is stored, relative to the attachments folder (outside wwwroot).</summary>
    public string? AttachmentPath { get; set; }

    public string RecordedBy { get; set; } = "";
    public DateTime RecordedUtc { get; set; }
}
