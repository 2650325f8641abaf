namespace Transparency.Replies.Models;

/// <summary>答复: a unit's reply to a proposal, in a handling round; its text lives in a <see cref="ReviewedDocument"/>.</summary>
public sealed class Reply
{
    public int Id { get; set; }
    public int DocumentId { get; set; }
    public ReviewedDocument Document { get; set; } = null!;
    public int ProposalId { get; set; }

    /// <summary>The lead (or split) assignment the reply answers.</summary>
    public int AssignmentId { get; set; }

    public int UnitId { get; set; }

    /// <summary>1 for the first reply; 2, 3… after a dissatisfied rating (重新办理).</summary>
    public int Round { get; set; } = 1;

    /// <summary>文号, e.g. 市城管建字〔2020〕12号.</summary>
    public string? DocumentNumber { get; set; }

    public string? ContactPerson { get; set; }
    public string? ContactPhone { get; set; }

    /// <summary>送达日期: decides whether the reply was on time.</summary>
    public DateOnly? SentOn { get; set; }

    public SendChannel? SentChannel { get; set; }
    public string? SentBy { get; set; }

    /// <summary>The due date in force when the reply was sent.</summary>
    public DateOnly? DueOn { get; set; }
}
