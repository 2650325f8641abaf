using Microsoft.AspNetCore.Identity;

namespace Transparency.Data.Identity;

/// <summary>A person who signs in: staff, leader, representative or administrator.</summary>
public sealed class TransparencyUser : IdentityUser
{
    /// <summary>The name shown in the back office, e.g. 张明.</summary>
    [PersonalData]
    public string DisplayName { get; set; } = "";

    /// <summary>When the account was created (UTC).</summary>
    public DateTime CreatedUtc { get; set; }
}
