using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Transparency.Core.Audit;
using Transparency.Core.Hosting;
using Transparency.Data;
using Transparency.Data.Identity;
using Transparency.Users.ViewModels;

namespace Transparency.Users.Controllers;

[Admin]
[Route("account")]
public sealed class AccountController(
    SignInManager<TransparencyUser> signIn,
    TransparencyDbContext db,
    IAuditTrail audit,
    IEnumerable<ISignInLanding> landings) : Controller
{
    [AllowAnonymous]
    [HttpGet("login")]
    public IActionResult Login(string? returnUrl) => View(new LoginViewModel { ReturnUrl = returnUrl });

    [AllowAnonymous]
    [HttpPost("login")]
    public async Task<IActionResult> Login(LoginViewModel model)
    {
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(model);
        }

        var result = await signIn.PasswordSignInAsync(model.UserName.Trim(), model.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            audit.Record(new AuditEntry("Security", "SignedIn", model.UserName, "登录成功", model.UserName));
            await db.SaveChangesAsync();
            if (Url.IsLocalUrl(model.ReturnUrl))
            {
                return LocalRedirect(model.ReturnUrl);
            }

            foreach (var landing in landings)
            {
                if (await landing.LandingAsync(model.UserName.Trim(), HttpContext.RequestAborted) is { } path && Url.IsLocalUrl(path))
                {
                    return LocalRedirect(path);
                }
            }

            return LocalRedirect("/admin");
        }

        audit.Record(new AuditEntry("Security", result.IsLockedOut ? "LockedOut" : "SignInFailed", model.UserName,
            result.IsLockedOut ? "账户已锁定，拒绝登录" : "用户名或密码错误", model.UserName));
        await db.SaveChangesAsync();

        // One message whether the user exists or not, so that sign-in does not reveal accounts.
        ModelState.AddModelError("", result.IsLockedOut
            ? "登录失败次数过多，账户已暂时锁定，请稍后再试。"
            : "用户名或密码不正确。");
        Response.StatusCode = StatusCodes.Status400BadRequest;
        model.Password = "";
        return View(model);
    }

    [HttpPost("logout")]
    public async Task<IActionResult> Logout()
    {
        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }

    [AllowAnonymous]
    [HttpGet("denied")]
    public IActionResult Denied()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View();
    }
}
