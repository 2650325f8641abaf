using Microsoft.EntityFrameworkCore;
using Transparency.Core.Security;
using Transparency.Data;
using Transparency.Data.Identity;
using Transparency.Users.Models;

namespace Transparency.Users.Services;

/// <summary>Reads a user's permissions from their roles, on every request: a change of role takes effect at once.</summary>
public sealed class PermissionGrantStore(TransparencyDbContext db) : IPermissionGrantStore
{
    public async Task<IReadOnlySet<string>> GetPermissionsAsync(string userId, CancellationToken cancellationToken = default)
    {
        var roleIds = db.UserRoles.Where(ur => ur.UserId == userId).Select(ur => ur.RoleId);
        var isAdministrator = await db.Set<TransparencyRole>()
            .AnyAsync(r => roleIds.Contains(r.Id) && r.Name == StandardRoles.Administrator, cancellationToken);
        if (isAdministrator)
        {
            return new HashSet<string>([StandardRoles.AllPermissions], StringComparer.Ordinal);
        }

        var granted = await db.Set<RolePermission>()
            .Where(p => roleIds.Contains(p.RoleId))
            .Select(p => p.Permission)
            .Distinct()
            .ToListAsync(cancellationToken);
        return new HashSet<string>(granted, StringComparer.Ordinal);
    }
}
