using System.Security.Claims;

namespace Transparency.Core.Security;

/// <summary>Answers whether a principal holds a permission; resolved on the server from the database.</summary>
public interface IPermissionService
{
    /// <summary>True when the principal is signed in and one of its roles grants <paramref name="permission"/>.</summary>
    Task<bool> HasPermissionAsync(ClaimsPrincipal user, string permission);
}
