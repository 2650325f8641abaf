using Microsoft.AspNetCore.Mvc;
using Transparency.Core.Hosting;
using Transparency.Core.Navigation;
using Transparency.Core.Security;

namespace Transparency.Admin.Controllers;

[Admin]
[Route("admin")]
[RequirePermission(AdminPermissions.Access)]
public sealed class DashboardController(IAdminMenu menu) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index() => View(await menu.GetVisibleAsync(User));
}
