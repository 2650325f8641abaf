namespace Transparency.Users.Models;

/// <summary>A permission granted by a role.</summary>
public sealed class RolePermission
{
    public string RoleId { get; set; } = "";
    public string Permission { get; set; } = "";
}
