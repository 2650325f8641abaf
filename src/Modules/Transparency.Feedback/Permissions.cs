using Transparency.Core.Security;

namespace Transparency.Feedback;

public static class FeedbackPermissions
{
    public const string View = "Feedback.View";
    public const string Manage = "Feedback.Manage";
    public const string RecordOnBehalf = "Feedback.RecordOnBehalf";
    public const string Commitments = "Feedback.Commitments";

    private const string Group = "满意度测评与承诺事项";

    public static IEnumerable<Permission> All =>
    [
        new(View, "查看可见建议提案的满意度测评、征询意见链接和承诺事项", Group),
        new(Manage, "管理征询意见链接（重新生成、撤销），更正测评结果，接收重新办理通知", Group),
        new(RecordOnBehalf, "代为录入代表委员的纸质征询意见表（附扫描件）", Group),
        new(Commitments, "登记答复中的承诺事项，标记本单位承诺事项已兑现", Group),
    ];
}
