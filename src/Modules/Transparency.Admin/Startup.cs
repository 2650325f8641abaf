using Transparency.Core.Modules;
using Transparency.Core.Navigation;
using Transparency.Core.Security;

namespace Transparency.Admin;

public sealed class Startup : ModuleStartup
{
    public override IEnumerable<Permission> GetPermissions() => AdminPermissions.All;

    public override void BuildAdminMenu(AdminMenuBuilder menu)
        => menu.Add("工作台", "首页", "/admin", AdminPermissions.Access, order: -100);
}
