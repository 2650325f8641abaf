using Transparency.Core.Audit;
using Transparency.Core.Calendar;
using Transparency.Core.Units;
using Transparency.Proposals.Models;

namespace Transparency.Proposals.ViewModels;

/// <summary>An assignment with the explanation of its deadline.</summary>
public sealed record AssignmentDeadline(Assignment Assignment, UnitInfo Unit, int Months, DeadlineComputation Computation);

public sealed class ProposalDetailsViewModel
{
    public required Proposal Proposal { get; init; }
    public required IReadOnlyList<AssignmentDeadline> Deadlines { get; init; }
    public required IReadOnlyList<ProposalStatus> NextStatuses { get; init; }
    public bool CanEdit { get; init; }
    public bool CanAssign { get; init; }
    public Proposal? MergedInto { get; init; }
}

public sealed class ProposalAuditViewModel
{
    public required Proposal Proposal { get; init; }
    public required IReadOnlyList<AuditRecord> Events { get; init; }
}
