using Transparency.Core.Units;
using Transparency.Proposals.Models;

namespace Transparency.Proposals.ViewModels;

/// <summary>The staff list's filters, bound from the query string.</summary>
public sealed class ProposalFilter
{
    public int? SessionId { get; set; }
    public ProposalKind? Kind { get; set; }
    public int? CategoryId { get; set; }
    public int? UnitId { get; set; }
    public HandlingRole? Role { get; set; }
    public ProposalStatus? Status { get; set; }
    public bool? Key { get; set; }

    /// <summary>"overdue" or "due-soon" (within 7 days); used by the dashboard's links.</summary>
    public string? Due { get; set; }

    public string? Q { get; set; }
    public int Page { get; set; } = 1;
}

public sealed record ProposalRow(
    int Id,
    string Session,
    string Number,
    string Title,
    ProposalKind Kind,
    string? Category,
    ProposalStatus Status,
    bool IsKey,
    string LeadRepresentative,
    IReadOnlyList<(int UnitId, HandlingRole Role, DateOnly DueOn)> Assignments);

public sealed class ProposalListViewModel
{
    public ProposalFilter Filter { get; init; } = new();
    public IReadOnlyList<ProposalRow> Rows { get; init; } = [];
    public int Total { get; init; }
    public int PageSize { get; init; }
    public IReadOnlyList<Session> Sessions { get; init; } = [];
    public IReadOnlyList<Category> Categories { get; init; } = [];
    public IReadOnlyDictionary<int, UnitInfo> Units { get; init; } = new Dictionary<int, UnitInfo>();
    public bool CanRegister { get; init; }
}
