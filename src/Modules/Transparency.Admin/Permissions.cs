using Transparency.Core.Security;

namespace Transparency.Admin;

public static class AdminPermissions
{
    public const string Access = "Admin.Access";

    public static IEnumerable<Permission> All =>
    [
        new(Access, "进入管理后台", "系统管理"),
    ];
}
