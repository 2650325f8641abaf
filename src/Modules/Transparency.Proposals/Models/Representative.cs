namespace Transparency.Proposals.Models;

/// <summary>人大代表 / 政协委员. Contact details are for staff only and never shown publicly.</summary>
public sealed class Representative
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public RepresentativeKind Kind { get; set; }

    /// <summary>代表团 (deputies) or 界别 (members).</summary>
    public string Delegation { get; set; } = "";

    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Address { get; set; }

    /// <summary>The account the representative signs in with, if any.</summary>
    public string? UserName { get; set; }
}
