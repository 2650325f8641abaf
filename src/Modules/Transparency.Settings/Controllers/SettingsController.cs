using Microsoft.AspNetCore.Mvc;
using Transparency.Core.Hosting;
using Transparency.Core.Security;
using Transparency.Core.Settings;
using Transparency.Data;
using Transparency.Settings.ViewModels;

namespace Transparency.Settings.Controllers;

[Admin]
[Route("admin/settings")]
[RequirePermission(SettingsPermissions.Manage)]
public sealed class SettingsController(ISiteSettingsStore store, TransparencyDbContext db) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var settings = await store.GetAsync(HttpContext.RequestAborted);
        return View(new SiteSettingsViewModel
        {
            SiteName = settings.SiteName,
            DefaultCulture = settings.DefaultCulture,
            Organization = settings.Organization,
        });
    }

    [HttpPost("")]
    public async Task<IActionResult> Index(SiteSettingsViewModel model)
    {
        if (!SiteSettings.SupportedCultures.Contains(model.DefaultCulture))
        {
            ModelState.AddModelError(nameof(model.DefaultCulture), "不支持该语言。");
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(model);
        }

        var current = await store.GetAsync(HttpContext.RequestAborted);
        await store.UpdateAsync(current with
        {
            SiteName = model.SiteName.Trim(),
            DefaultCulture = model.DefaultCulture,
            Organization = model.Organization?.Trim() ?? "",
        }, HttpContext.RequestAborted);
        await db.SaveChangesAsync(HttpContext.RequestAborted);
        TempData["Message"] = "设置已保存。";
        return RedirectToAction(nameof(Index));
    }
}
