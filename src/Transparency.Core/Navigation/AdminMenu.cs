using System.Security.Claims;
using Transparency.Core.Security;

namespace Transparency.Core.Navigation;

/// <summary>Filters the collected menu entries by the user's permissions, checked on the server.</summary>
public sealed class AdminMenu(IReadOnlyList<AdminMenuItem> items, IPermissionService permissions) : IAdminMenu
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<IGrouping<string, AdminMenuItem>>> GetVisibleAsync(ClaimsPrincipal user)
    {
        var visible = new List<AdminMenuItem>();
        foreach (var item in items)
        {
            if (await permissions.HasPermissionAsync(user, item.Permission))
            {
                visible.Add(item);
            }
        }

        return visible
            .OrderBy(i => i.Order)
            .GroupBy(i => i.Group)
            .ToList();
    }
}
