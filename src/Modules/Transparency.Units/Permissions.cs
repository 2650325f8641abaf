using Transparency.Core.Security;

namespace Transparency.Units;

public static class UnitsPermissions
{
    public const string Manage = "Admin.Units";

    public static IEnumerable<Permission> All =>
    [
        new(Manage, "管理承办单位", "系统管理"),
    ];
}
