namespace Transparency.Feedback.Models;

/// <summary>承诺事项: what a B-class reply promises, with a due date and a responsible unit, tracked until kept.</summary>
public sealed class Commitment
{
    public int Id { get; set; }
    public int ReplyId { get; set; }
    public int ProposalId { get; set; }
    public string Text { get; set; } = "";
    public DateOnly DueOn { get; set; }
    public int UnitId { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime CreatedUtc { get; set; }

    /// <summary>When the responsible unit marked it kept (已兑现); null while open.</summary>
    public DateOnly? DoneOn { get; set; }

    public string? Evidence { get; set; }
    public string? DoneBy { get; set; }

    /// <summary>The audit-trail subject of a commitment.</summary>
    public static string SubjectId(int id) => $"commitment:{id}";
}
