using Transparency.Core.Security;

namespace Transparency.Calendar;

public static class CalendarPermissions
{
    public const string Manage = "Admin.Calendar";

    public static IEnumerable<Permission> All =>
    [
        new(Manage, "管理工作日历（节假日与调休）", "系统管理"),
    ];
}
