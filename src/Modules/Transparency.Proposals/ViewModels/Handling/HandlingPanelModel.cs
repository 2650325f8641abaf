using Transparency.Proposals.Models;

namespace Transparency.Proposals.ViewModels.Handling;

/// <summary>The handling panel on the proposal page: what stands, and what the current user may do.</summary>
public sealed class HandlingPanelModel
{
    public int ProposalId { get; init; }
    public IReadOnlyList<HandlingPanelAssignment> Assignments { get; init; } = [];
    public int ConsultationCount { get; init; }
    public bool MayRecordConsultation { get; init; }

    /// <summary>The user's co assignment, for the link to the co-opinion editor, with the opinion's status (null: not started).</summary>
    public int? OwnCoAssignmentId { get; init; }
    public CoOpinionStatus? OwnCoOpinionStatus { get; init; }

    /// <summary>Shown to the lead unit and coordinators when there are co units: submitted / all.</summary>
    public bool MayReadCoOpinions { get; init; }
    public int CoOpinionsSubmitted { get; init; }
    public int CoUnits { get; init; }

    public bool MayMerge { get; init; }
    public int? MergedIntoId { get; init; }
    public string? MergedIntoNumber { get; init; }
    public int MergedHereCount { get; init; }
}

/// <summary>One assignment in the panel, with the actions the current user may take on it.</summary>
public sealed record HandlingPanelAssignment(
    Assignment Assignment,
    string UnitName,
    DeadlineExtension? PendingExtension,
    bool MayRequestExtension,
    bool MayReturn,
    DateOnly ReturnDeadline,
    bool MayReassign,
    bool MayDecideExtension);
