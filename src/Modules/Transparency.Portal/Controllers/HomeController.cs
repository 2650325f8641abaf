using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Transparency.Core.Settings;

namespace Transparency.Portal.Controllers;

[AllowAnonymous]
public sealed class HomeController(ISiteSettingsStore settings) : Controller
{
    [HttpGet("/")]
    public async Task<IActionResult> Index() => View(await settings.GetAsync(HttpContext.RequestAborted));
}
