using Transparency.Proposals.Models;

namespace Transparency.Proposals.Services;

/// <summary>The Chinese source text of the module's enumerations; views localize it through T[…].</summary>
public static class ProposalText
{
    public static string Of(ProposalStatus status) => status switch
    {
        ProposalStatus.Registered => "已登记",
        ProposalStatus.Assigned => "已交办",
        ProposalStatus.InProgress => "办理中",
        ProposalStatus.Replied => "已答复",
        ProposalStatus.FeedbackReceived => "已反馈",
        ProposalStatus.Closed => "已办结",
        ProposalStatus.Rehandling => "重新办理",
        ProposalStatus.Withdrawn => "已撤回",
        ProposalStatus.Merged => "已并案",
        _ => status.ToString(),
    };

    public static string Of(ProposalKind kind) => kind == ProposalKind.Suggestion ? "建议" : "提案";

    public static string Of(SessionKind kind) => kind == SessionKind.Npc ? "人大" : "政协";

    public static string Of(RepresentativeKind kind) => kind == RepresentativeKind.Deputy ? "人大代表" : "政协委员";

    public static string Of(HandlingRole role) => role switch
    {
        HandlingRole.Lead => "主办",
        HandlingRole.Co => "协办",
        _ => "分办",
    };

    public static string Of(AssignmentStatus status) => status switch
    {
        AssignmentStatus.Active => "办理中",
        AssignmentStatus.Returned => "已退办",
        _ => "已改办",
    };

    public static string Of(ExtensionStatus status) => status switch
    {
        ExtensionStatus.Requested => "待审批",
        ExtensionStatus.Approved => "已批准",
        _ => "未批准",
    };

    public static string Of(ConsultationMode mode) => mode switch
    {
        ConsultationMode.FaceToFace => "面商",
        ConsultationMode.Phone => "电话",
        ConsultationMode.SiteVisit => "走访",
        _ => "座谈",
    };

    public static string Of(ConsultationStage stage) => stage switch
    {
        ConsultationStage.Before => "办理前",
        ConsultationStage.During => "办理中",
        _ => "办理后",
    };

    public static string Of(CoOpinionStatus status) => status == CoOpinionStatus.Draft ? "草稿" : "已提交";
}
