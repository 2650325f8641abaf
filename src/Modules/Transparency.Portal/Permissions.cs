using Transparency.Core.Security;

namespace Transparency.Portal;

public static class PortalPermissions
{
    /// <summary>Edit the public information pages (关于本平台, 办理工作流程); the Administrator role has it through "*".</summary>
    public const string ManagePages = "Portal.ManagePages";

    public static IEnumerable<Permission> All =>
    [
        new(ManagePages, "编辑信息公开页面（关于本平台、办理工作流程）", "系统管理"),
    ];
}
