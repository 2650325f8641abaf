using Transparency.Core.Units;
using Transparency.Proposals.Models;

namespace Transparency.Proposals.Services.Import;

/// <summary>One valid row of the table, ready to become a proposal with its assignments.</summary>
public sealed record PlannedProposal(
    int Row,
    string Number,
    string Title,
    string Body,
    int? CategoryId,
    bool IsKey,
    DateOnly AssignedOn,
    IReadOnlyList<string> Representatives,
    int? LeadUnitId,
    IReadOnlyList<int> CoUnitIds,
    IReadOnlyList<int> SplitUnitIds)
{
    /// <summary>Deadline of the lead or split units' reply (session's reply months on the working-day calendar).</summary>
    public DateOnly ReplyDueOn { get; init; }

    /// <summary>Deadline of the co-units' opinions (session's co-opinion months).</summary>
    public DateOnly CoDueOn { get; init; }

    public int AssignmentCount => (LeadUnitId is null ? 0 : 1) + CoUnitIds.Count + SplitUnitIds.Count;
}

/// <summary>What an import would do (the preview) and, when it has no errors, what confirming it writes.</summary>
public sealed class ImportPlan
{
    public required Session? Session { get; init; }

    public required ProposalKind Kind { get; init; }

    /// <summary>The rows without errors; the import is all of them or nothing.</summary>
    public IReadOnlyList<PlannedProposal> Proposals { get; init; } = [];

    public IReadOnlyList<ImportError> Errors { get; init; } = [];

    /// <summary>Data rows read (blank rows not counted).</summary>
    public int RowCount { get; init; }

    /// <summary>Representatives named in the table who are not known yet; they are created by the import.</summary>
    public IReadOnlyList<string> NewRepresentatives { get; init; } = [];

    /// <summary>The units by id, to show names.</summary>
    public IReadOnlyDictionary<int, UnitInfo> Units { get; init; } = new Dictionary<int, UnitInfo>();

    /// <summary>The categories by id, to show names.</summary>
    public IReadOnlyDictionary<int, string> Categories { get; init; } = new Dictionary<int, string>();

    public bool IsValid => Session is not null && Errors.Count == 0 && Proposals.Count > 0;

    public int AssignmentCount => Proposals.Sum(p => p.AssignmentCount);

    public static ImportPlan Failed(Session? session, ProposalKind kind, params ImportError[] errors)
        => new() { Session = session, Kind = kind, Errors = errors };
}

/// <summary>What an import wrote.</summary>
public sealed record ImportResult(int SessionId, string SessionName, int Proposals, int Assignments, int NewRepresentatives);
