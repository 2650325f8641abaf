using Transparency.Core.Security;

namespace Transparency.Users;

public static class UsersPermissions
{
    public const string ManageUsers = "Admin.Users";
    public const string ManageRoles = "Admin.Roles";

    public static IEnumerable<Permission> All =>
    [
        new(ManageUsers, "管理用户账号，分配角色和单位", "系统管理"),
        new(ManageRoles, "管理角色及其权限", "系统管理"),
    ];
}
