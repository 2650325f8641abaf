using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Transparency.Core.Audit;
using Transparency.Core.Security;
using Transparency.Data;
using Transparency.Data.Identity;
using Transparency.Users.Models;

namespace Transparency.Users.Services;

/// <summary>The one place roles and their permissions change: validates, saves and audits.</summary>
public sealed class RoleAdminService(
    TransparencyDbContext db,
    RoleManager<TransparencyRole> roles,
    PermissionRegistry registry,
    IAuditTrail audit)
{
    /// <summary>Permission names no module declares.</summary>
    public IReadOnlyList<string> UnknownPermissions(IEnumerable<string> permissions)
        => permissions.Where(p => !registry.Contains(p)).Distinct().ToList();

    public async Task<IReadOnlyList<string>> GetPermissionsAsync(string roleId)
        => await db.Set<RolePermission>().Where(p => p.RoleId == roleId).Select(p => p.Permission).ToListAsync();

    /// <summary>Creates or updates a role. With <paramref name="replace"/> false, permissions are added to the current ones.</summary>
    public async Task<IdentityResult> SaveAsync(
        TransparencyRole? role, string name, string description, IReadOnlyCollection<string> permissions, bool replace)
    {
        var unknown = UnknownPermissions(permissions);
        if (unknown.Count > 0)
        {
            return IdentityResult.Failed(new IdentityError { Code = "UnknownPermission", Description = $"未知权限：{string.Join("、", unknown)}" });
        }

        var isNew = role is null;
        role ??= new TransparencyRole();
        if (role.Name == StandardRoles.Administrator && name != StandardRoles.Administrator)
        {
            return IdentityResult.Failed(new IdentityError { Code = "AdministratorRole", Description = "系统管理员角色不能改名。" });
        }

        role.Name = name;
        role.Description = description;
        var result = isNew ? await roles.CreateAsync(role) : await roles.UpdateAsync(role);
        if (!result.Succeeded)
        {
            return result;
        }

        var current = await db.Set<RolePermission>().Where(p => p.RoleId == role.Id).ToListAsync();
        var wanted = replace
            ? permissions.ToHashSet(StringComparer.Ordinal)
            : current.Select(p => p.Permission).Concat(permissions).ToHashSet(StringComparer.Ordinal);
        db.RemoveRange(current.Where(p => !wanted.Contains(p.Permission)));
        db.AddRange(wanted.Where(w => current.All(p => p.Permission != w))
            .Select(p => new RolePermission { RoleId = role.Id, Permission = p }));
        audit.Record(new AuditEntry("Roles", isNew ? "Created" : "Updated", name,
            $"{(isNew ? "新增" : "修改")}角色 {name}，权限：{string.Join("、", wanted.Order(StringComparer.Ordinal))}"));
        await db.SaveChangesAsync();
        return IdentityResult.Success;
    }
}
