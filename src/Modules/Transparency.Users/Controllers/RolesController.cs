using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Transparency.Core.Audit;
using Transparency.Core.Hosting;
using Transparency.Core.Security;
using Transparency.Data;
using Transparency.Data.Identity;
using Transparency.Users.Services;
using Transparency.Users.ViewModels;

namespace Transparency.Users.Controllers;

[Admin]
[Route("admin/roles")]
[RequirePermission(UsersPermissions.ManageRoles)]
public sealed class RolesController(
    RoleManager<TransparencyRole> roles,
    RoleAdminService admin,
    TransparencyDbContext db,
    IAuditTrail audit) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var list = await roles.Roles.AsNoTracking().OrderBy(r => r.Name).ToListAsync();
        var counts = await db.UserRoles.GroupBy(ur => ur.RoleId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count);
        ViewData["Counts"] = counts;
        return View(list);
    }

    [HttpGet("create")]
    public IActionResult Create() => View("Edit", new RoleEditViewModel());

    [HttpGet("{id}")]
    public async Task<IActionResult> Edit(string id)
    {
        var role = await roles.FindByIdAsync(id);
        if (role is null)
        {
            return NotFound();
        }

        return View(new RoleEditViewModel
        {
            Id = role.Id,
            Name = role.Name!,
            Description = role.Description,
            Permissions = [.. await admin.GetPermissionsAsync(role.Id)],
            IsAdministrator = role.Name == StandardRoles.Administrator,
        });
    }

    [HttpPost("create")]
    public Task<IActionResult> Create(RoleEditViewModel model) => Save(null, model);

    [HttpPost("{id}")]
    public Task<IActionResult> Edit(string id, RoleEditViewModel model) => Save(id, model);

    [HttpPost("{id}/delete")]
    public async Task<IActionResult> Delete(string id)
    {
        var role = await roles.FindByIdAsync(id);
        if (role is null)
        {
            return NotFound();
        }

        if (role.Name == StandardRoles.Administrator)
        {
            return BadRequest("系统管理员角色不能删除。");
        }

        await roles.DeleteAsync(role);
        audit.Record(new AuditEntry("Roles", "Deleted", role.Name!, $"删除角色 {role.Name}"));
        await db.SaveChangesAsync();
        return RedirectToAction(nameof(Index));
    }

    private async Task<IActionResult> Save(string? id, RoleEditViewModel model)
    {
        TransparencyRole? role = null;
        if (id is not null && (role = await roles.FindByIdAsync(id)) is null)
        {
            return NotFound();
        }

        model.Id = id;
        model.IsAdministrator = role?.Name == StandardRoles.Administrator;
        foreach (var unknown in admin.UnknownPermissions(model.Permissions))
        {
            ModelState.AddModelError(nameof(model.Permissions), $"未知权限：{unknown}");
        }

        if (ModelState.IsValid)
        {
            var result = await admin.SaveAsync(role, model.Name.Trim(), model.Description?.Trim() ?? "", model.Permissions, replace: true);
            if (result.Succeeded)
            {
                TempData["Message"] = "角色已保存。";
                return RedirectToAction(nameof(Index));
            }

            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(nameof(model.Name), error.Description);
            }
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Edit", model);
    }
}
