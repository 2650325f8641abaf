using Transparency.Core.Security;

namespace Transparency.Settings;

public static class SettingsPermissions
{
    public const string Manage = "Admin.Settings";

    public static IEnumerable<Permission> All =>
    [
        new(Manage, "管理站点设置", "系统管理"),
    ];
}
