using Transparency.Core.Content;
using Transparency.Replies.Models;

namespace Transparency.Replies.Services;

/// <summary>The Chinese names of statuses and outcomes, as staff and citizens read them.</summary>
public static class StatusText
{
    public static string Of(DocumentStatus status) => status switch
    {
        DocumentStatus.Draft => "起草中",
        DocumentStatus.InReview => "审核中",
        DocumentStatus.AwaitingApproval => "待审定",
        DocumentStatus.Returned => "已退回",
        DocumentStatus.Approved => "已审定",
        DocumentStatus.Sent => "已送达",
        DocumentStatus.Published => "已公开",
        DocumentStatus.Withheld => "不予公开",
        DocumentStatus.Unpublished => "已撤回公开",
        _ => status.ToString(),
    };

    public static string Of(VersionState state) => state switch
    {
        VersionState.Draft => "草稿",
        VersionState.Submitted => "已提交",
        VersionState.Returned => "已退回",
        VersionState.Approved => "已审定",
        VersionState.Published => "公开版本",
        VersionState.Superseded => "曾公开",
        _ => state.ToString(),
    };

    public static string Of(ReplyOutcome outcome) => outcome switch
    {
        ReplyOutcome.A => "A类（所提问题已经解决或者采纳）",
        ReplyOutcome.B => "B类（所提问题正在解决或者列入计划逐步解决）",
        ReplyOutcome.C => "C类（因条件限制或其他原因暂时无法解决）",
        _ => outcome.ToString(),
    };

    public static string Of(SendChannel channel) => channel switch
    {
        SendChannel.Mail => "邮寄",
        SendChannel.InPerson => "当面送达",
        SendChannel.Email => "电子邮件",
        SendChannel.Platform => "网上办理平台",
        _ => channel.ToString(),
    };

    public static string Of(DecisionAction action) => action switch
    {
        DecisionAction.Submitted => "提交",
        DecisionAction.Approved => "通过",
        DecisionAction.Returned => "退回",
        DecisionAction.Sent => "送达",
        DecisionAction.Published => "公开",
        DecisionAction.Withheld => "不予公开",
        DecisionAction.Unpublished => "撤回公开",
        DecisionAction.Restored => "恢复旧版本",
        _ => action.ToString(),
    };
}

/// <summary>The Chinese names of personal-data kinds.</summary>
public static class PersonalDataText
{
    public static string Of(PersonalDataKind kind) => kind switch
    {
        PersonalDataKind.MobileNumber => "手机号码",
        PersonalDataKind.Landline => "固定电话",
        PersonalDataKind.IdCardNumber => "身份证号码",
        PersonalDataKind.Email => "电子邮箱",
        PersonalDataKind.BankCard => "银行卡号",
        _ => kind.ToString(),
    };
}
