using Microsoft.AspNetCore.Identity;

namespace Transparency.Data.Identity;

/// <summary>A named set of permissions.</summary>
public sealed class TransparencyRole : IdentityRole
{
    /// <summary>What the role is for.</summary>
    public string Description { get; set; } = "";
}
