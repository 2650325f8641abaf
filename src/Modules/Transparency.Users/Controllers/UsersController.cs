using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Transparency.Core.Units;
using Transparency.Core.Hosting;
using Transparency.Core.Security;
using Transparency.Data.Identity;
using Transparency.Users.Services;
using Transparency.Users.ViewModels;

namespace Transparency.Users.Controllers;

[Admin]
[Route("admin/users")]
[RequirePermission(UsersPermissions.ManageUsers)]
public sealed class UsersController(
    UserManager<TransparencyUser> users,
    RoleManager<TransparencyRole> roles,
    UserAdminService admin,
    IUnitDirectory units,
    TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index()
        => View(await users.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync());

    [HttpGet("create")]
    public async Task<IActionResult> Create() => View("Edit", await FillAsync(new UserEditViewModel()));

    [HttpGet("{id}")]
    public async Task<IActionResult> Edit(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        return View(await FillAsync(new UserEditViewModel
        {
            Id = user.Id,
            UserName = user.UserName!,
            DisplayName = user.DisplayName,
            Email = user.Email,
            Roles = [.. await users.GetRolesAsync(user)],
            Units = [.. await admin.GetUnitIdsAsync(user.Id)],
            IsLockedOut = user.LockoutEnd > clock.GetUtcNow(),
        }));
    }

    [HttpPost("create")]
    public Task<IActionResult> Create(UserEditViewModel model) => Save(null, model);

    [HttpPost("{id}")]
    public Task<IActionResult> Edit(string id, UserEditViewModel model) => Save(id, model);

    private async Task<IActionResult> Save(string? id, UserEditViewModel model)
    {
        TransparencyUser? user = null;
        if (id is not null && (user = await users.FindByIdAsync(id)) is null)
        {
            return NotFound();
        }

        model.Id = id;
        if (user is null && string.IsNullOrEmpty(model.Password))
        {
            ModelState.AddModelError(nameof(model.Password), "新用户须设置初始密码。");
        }

        if (ModelState.IsValid)
        {
            var result = await admin.SaveAsync(user, new UserChange(
                model.UserName.Trim(),
                model.DisplayName.Trim(),
                string.IsNullOrWhiteSpace(model.Email) ? null : model.Email.Trim(),
                string.IsNullOrEmpty(model.Password) ? null : model.Password,
                model.Roles,
                model.Units));
            if (result.Succeeded && user is not null && model.Unlock)
            {
                result = await users.SetLockoutEndDateAsync(user, null);
                await users.ResetAccessFailedCountAsync(user);
            }

            if (result.Succeeded)
            {
                TempData["Message"] = "用户已保存。";
                return RedirectToAction(nameof(Index));
            }

            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code.StartsWith("Password", StringComparison.Ordinal) ? nameof(model.Password) : "", error.Description);
            }
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        model.Password = null;
        return View("Edit", await FillAsync(model));
    }

    private async Task<UserEditViewModel> FillAsync(UserEditViewModel model)
    {
        model.AvailableRoles = await roles.Roles.OrderBy(r => r.Name).Select(r => r.Name!).ToListAsync();
        model.AvailableUnits = await units.ListAsync(HttpContext.RequestAborted);
        return model;
    }
}
