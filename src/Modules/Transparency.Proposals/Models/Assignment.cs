namespace Transparency.Proposals.Models;

/// <summary>交办: a proposal given to a unit in a role, with its deadline.</summary>
public sealed class Assignment
{
    public int Id { get; set; }
    public int ProposalId { get; set; }
    public Proposal Proposal { get; set; } = null!;

    /// <summary>The unit (Units module); only the id is kept here.</summary>
    public int UnitId { get; set; }

    public HandlingRole Role { get; set; }
    public DateOnly AssignedOn { get; set; }

    /// <summary>The deadline by the session's rule on the working-day calendar.</summary>
    public DateOnly RuleDueOn { get; set; }

    /// <summary>The deadline in force: the rule's, or a later one from an approved extension.</summary>
    public DateOnly DueOn { get; set; }

    public AssignmentStatus Status { get; set; }
    public string? ReturnReason { get; set; }
    public DateOnly? ReturnedOn { get; set; }

    /// <summary>For a reassignment (改办): the assignment it replaced.</summary>
    public int? ReplacesId { get; set; }

    public List<DeadlineExtension> Extensions { get; set; } = [];
}
