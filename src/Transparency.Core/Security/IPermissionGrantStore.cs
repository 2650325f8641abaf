namespace Transparency.Core.Security;

/// <summary>Resolves, from the database, which permissions a user holds through their roles.</summary>
public interface IPermissionGrantStore
{
    /// <summary>
    /// The permissions of the user with <paramref name="userId"/>; the set contains
    /// <see cref="StandardRoles.AllPermissions"/> when a role grants everything.
    /// </summary>
    Task<IReadOnlySet<string>> GetPermissionsAsync(string userId, CancellationToken cancellationToken = default);
}
