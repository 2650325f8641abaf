using System.Security.Claims;

namespace Transparency.Core.Navigation;

/// <summary>The back-office menu of the current user.</summary>
public interface IAdminMenu
{
    /// <summary>The entries the user may see, grouped, each group and entry in order.</summary>
    Task<IReadOnlyList<IGrouping<string, AdminMenuItem>>> GetVisibleAsync(ClaimsPrincipal user);
}
