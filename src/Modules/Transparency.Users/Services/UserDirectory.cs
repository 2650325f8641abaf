using Microsoft.EntityFrameworkCore;
using Transparency.Core.Units;
using Transparency.Data;
using Transparency.Users.Models;

namespace Transparency.Users.Services;

/// <summary>The users module's side of <see cref="IUserDirectory"/>: who to notify, by unit or by permission.</summary>
public sealed class UserDirectory(TransparencyDbContext db) : IUserDirectory
{
    public async Task<IReadOnlyList<string>> UserNamesInUnitsAsync(IEnumerable<int> unitIds, CancellationToken cancellationToken = default)
    {
        var ids = unitIds.Distinct().ToList();
        var userIds = db.Set<UserUnit>().Where(u => ids.Contains(u.UnitId)).Select(u => u.UserId);
        return await db.Users.Where(u => userIds.Contains(u.Id) && u.UserName != null)
            .OrderBy(u => u.UserName).Select(u => u.UserName!).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<string>> UserNamesWithPermissionAsync(string permission, CancellationToken cancellationToken = default)
    {
        var roleIds = db.Set<RolePermission>().Where(p => p.Permission == permission).Select(p => p.RoleId);
        var userIds = db.UserRoles.Where(ur => roleIds.Contains(ur.RoleId)).Select(ur => ur.UserId);
        return await db.Users.Where(u => userIds.Contains(u.Id) && u.UserName != null)
            .OrderBy(u => u.UserName).Select(u => u.UserName!).ToListAsync(cancellationToken);
    }
}
