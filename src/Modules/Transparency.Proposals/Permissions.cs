using Transparency.Core.Security;

namespace Transparency.Proposals;

public static class ProposalsPermissions
{
    public const string View = "Proposals.View";
    public const string ViewAll = "Proposals.ViewAll";
    public const string Register = "Proposals.Register";
    public const string Assign = "Proposals.Assign";
    public const string Handle = "Proposals.Handle";
    public const string DecideExtension = "Proposals.DecideExtension";
    public const string ManageReferenceData = "Proposals.ManageReferenceData";
    public const string ViewReports = "Reports.View";

    private const string Group = "建议提案办理";

    public static IEnumerable<Permission> All =>
    [
        new(View, "查看本单位承办的建议提案", Group),
        new(ViewAll, "查看全部建议提案（不受单位限制）", Group),
        new(Register, "登记、编辑、导入导出建议提案", Group),
        new(Assign, "交办、改办、并案，设置重点建议", Group),
        new(Handle, "办理本单位承办的建议提案：记录沟通联系、起草协办意见、申请延期、退办", Group),
        new(DecideExtension, "审批延期申请", Group),
        new(ManageReferenceData, "管理届次、代表委员和类别", Group),
        new(ViewReports, "查看办理进度统计、周报和月通报", Group),
    ];
}
