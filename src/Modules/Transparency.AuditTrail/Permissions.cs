using Transparency.Core.Security;

namespace Transparency.AuditTrail;

public static class AuditTrailPermissions
{
    public const string View = "AuditTrail.View";

    public static IEnumerable<Permission> All =>
    [
        new(View, "查看审计日志", "系统管理"),
    ];
}
