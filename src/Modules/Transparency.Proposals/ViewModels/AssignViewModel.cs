using Transparency.Core.Units;
using Transparency.Proposals.Models;

namespace Transparency.Proposals.ViewModels;

public sealed class AssignViewModel
{
    public int? LeadUnitId { get; set; }
    public List<int> CoUnitIds { get; set; } = [];
    public List<int> SplitUnitIds { get; set; } = [];
    public DateOnly AssignedOn { get; set; }

    public Proposal? Proposal { get; set; }
    public IReadOnlyList<UnitInfo> Units { get; set; } = [];
}
