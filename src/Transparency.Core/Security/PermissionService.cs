using System.Security.Claims;

namespace Transparency.Core.Security;

/// <summary>
/// Scoped: the user's permission set is read from the grant store once per request and reused
/// for every check made while handling it.
/// </summary>
public sealed class PermissionService(IPermissionGrantStore store) : IPermissionService
{
    private readonly Dictionary<string, IReadOnlySet<string>> _cache = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public async Task<bool> HasPermissionAsync(ClaimsPrincipal user, string permission)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (user.Identity?.IsAuthenticated != true || userId is null)
        {
            return false;
        }

        if (!_cache.TryGetValue(userId, out var granted))
        {
            granted = await store.GetPermissionsAsync(userId);
            _cache[userId] = granted;
        }

        return granted.Contains(StandardRoles.AllPermissions) || granted.Contains(permission);
    }
}
