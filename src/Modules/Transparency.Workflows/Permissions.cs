using Transparency.Core.Security;

namespace Transparency.Workflows;

public static class WorkflowsPermissions
{
    /// <summary>Edit workflow types, read runs and the e-mail outbox, retry failed runs and mails.</summary>
    public const string Manage = "Workflows.Manage";

    public static IEnumerable<Permission> All =>
    [
        new(Manage, "管理工作流程、运行记录与邮件发送队列", "系统管理"),
    ];
}
