using Transparency.Core.Security;

namespace Transparency.Recipes;

public static class RecipesPermissions
{
    public const string View = "Admin.Recipes";

    public static IEnumerable<Permission> All =>
    [
        new(View, "查看已执行的配置方案", "系统管理"),
    ];
}
