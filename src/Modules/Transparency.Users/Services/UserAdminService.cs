using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Transparency.Core.Audit;
using Transparency.Core.Units;
using Transparency.Data;
using Transparency.Data.Identity;
using Transparency.Users.Models;

namespace Transparency.Users.Services;

/// <summary>What an administrator (or a recipe) sets on an account.</summary>
public sealed record UserChange(
    string UserName,
    string DisplayName,
    string? Email,
    string? Password,
    IReadOnlyCollection<string> Roles,
    IReadOnlyCollection<int> UnitIds);

/// <summary>The one place accounts, their roles and their units change: validates, saves and audits.</summary>
public sealed class UserAdminService(
    TransparencyDbContext db,
    UserManager<TransparencyUser> users,
    RoleManager<TransparencyRole> roles,
    IUnitDirectory units,
    TimeProvider clock,
    IAuditTrail audit)
{
    public async Task<IReadOnlyList<int>> GetUnitIdsAsync(string userId)
        => await db.Set<UserUnit>().Where(u => u.UserId == userId).Select(u => u.UnitId).ToListAsync();

    /// <summary>Creates (when <paramref name="user"/> is null) or updates an account.</summary>
    public async Task<IdentityResult> SaveAsync(TransparencyUser? user, UserChange change)
    {
        var errors = new List<IdentityError>();
        foreach (var role in change.Roles.Where(r => !roles.Roles.Any(x => x.Name == r)))
        {
            errors.Add(new IdentityError { Code = "UnknownRole", Description = $"未知角色：{role}" });
        }

        var known = await units.FindAsync(change.UnitIds);
        foreach (var missing in change.UnitIds.Except(known.Select(u => u.Id)))
        {
            errors.Add(new IdentityError { Code = "UnknownUnit", Description = $"未知单位：{missing}" });
        }

        if (errors.Count > 0)
        {
            return IdentityResult.Failed([.. errors]);
        }

        var isNew = user is null;
        user ??= new TransparencyUser { CreatedUtc = clock.GetUtcNow().UtcDateTime };
        user.UserName = change.UserName;
        user.DisplayName = change.DisplayName;
        user.Email = change.Email;
        user.EmailConfirmed = change.Email is not null;
        var result = isNew
            ? change.Password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, change.Password)
            : await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            return result;
        }

        if (!isNew && change.Password is not null)
        {
            await users.RemovePasswordAsync(user);
            result = await users.AddPasswordAsync(user, change.Password);
            if (!result.Succeeded)
            {
                return result;
            }
        }

        var currentRoles = await users.GetRolesAsync(user);
        result = await users.RemoveFromRolesAsync(user, currentRoles.Except(change.Roles));
        if (result.Succeeded)
        {
            result = await users.AddToRolesAsync(user, change.Roles.Except(currentRoles));
        }

        if (!result.Succeeded)
        {
            return result;
        }

        var currentUnits = await db.Set<UserUnit>().Where(u => u.UserId == user.Id).ToListAsync();
        db.RemoveRange(currentUnits.Where(u => !change.UnitIds.Contains(u.UnitId)));
        db.AddRange(change.UnitIds.Where(id => currentUnits.All(u => u.UnitId != id))
            .Select(id => new UserUnit { UserId = user.Id, UnitId = id }));
        audit.Record(new AuditEntry("Users", isNew ? "Created" : "Updated", user.UserName!,
            $"{(isNew ? "新增" : "修改")}用户 {user.UserName}（{user.DisplayName}），角色：{string.Join("、", change.Roles)}；单位：{string.Join("、", known.Select(u => u.ShortName))}"));
        await db.SaveChangesAsync();
        return IdentityResult.Success;
    }
}
