using Transparency.Core.Units;
using Transparency.Proposals.Models;
using Transparency.Proposals.Services;

namespace Transparency.Proposals.ViewModels.Handling;

/// <summary>The page for an action on one assignment: the proposal, the assignment, its unit and the form.</summary>
public sealed class AssignmentPageModel<TForm> where TForm : new()
{
    public required Proposal Proposal { get; init; }
    public required Assignment Assignment { get; init; }
    public required string UnitName { get; init; }
    public TForm Form { get; set; } = new();

    /// <summary>E.g. the latest deadline an extension may give, or the last day of the return window.</summary>
    public DateOnly? Limit { get; init; }

    /// <summary>Why the form is not offered (e.g. a request is pending), if it is not.</summary>
    public string? Blocked { get; init; }

    /// <summary>For 改办: the units that may take the assignment over.</summary>
    public IReadOnlyList<UnitInfo> Units { get; init; } = [];
}

/// <summary>The coordinator's page for one extension request.</summary>
public sealed class DecidePageModel
{
    public required Proposal Proposal { get; init; }
    public required Assignment Assignment { get; init; }
    public required DeadlineExtension Extension { get; init; }
    public required string UnitName { get; init; }
    public DecideForm Form { get; set; } = new();
}

/// <summary>The 并案 page: the proposal and the candidates it may be merged into.</summary>
public sealed class MergePageModel
{
    public required Proposal Proposal { get; init; }
    public IReadOnlyList<Proposal> Candidates { get; init; } = [];
    public MergeForm Form { get; set; } = new();
}

/// <summary>The consultation list with, for units that may record, the form.</summary>
public sealed class ConsultationsPageModel
{
    public required Proposal Proposal { get; init; }
    public IReadOnlyList<Consultation> Consultations { get; init; } = [];
    public IReadOnlyDictionary<int, string> UnitNames { get; init; } = new Dictionary<int, string>();

    /// <summary>The units the user may record for; empty means the form is not shown.</summary>
    public IReadOnlyList<int> RecordingUnits { get; init; } = [];
    public ConsultationForm Form { get; set; } = new();
}

/// <summary>The co unit's editor.</summary>
public sealed class CoOpinionPageModel
{
    public required Proposal Proposal { get; init; }
    public required Assignment Assignment { get; init; }
    public required string UnitName { get; init; }
    public CoHandlingOpinion? Opinion { get; init; }
    public CoOpinionForm Form { get; set; } = new();
    public bool IsSubmitted => Opinion?.Status == CoOpinionStatus.Submitted;
}

/// <summary>What the lead unit sees: each co unit, with its opinion once submitted.</summary>
public sealed class CoOpinionsPageModel
{
    public required Proposal Proposal { get; init; }
    public IReadOnlyList<CoOpinionEntry> Entries { get; init; } = [];
    public IReadOnlyDictionary<int, string> UnitNames { get; init; } = new Dictionary<int, string>();
}
