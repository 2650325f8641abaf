namespace Transparency.Proposals.Models;

/// <summary>A representative on a proposal: position 0 is the lead (领衔), the others co-sign (附议).</summary>
public sealed class ProposalRepresentative
{
    public int ProposalId { get; set; }
    public int RepresentativeId { get; set; }
    public Representative Representative { get; set; } = null!;
    public int Position { get; set; }
}
