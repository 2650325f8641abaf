using Transparency.Feedback.Models;

namespace Transparency.Feedback.Services;

/// <summary>The Chinese words of the module's values (the views translate them with the module's resources).</summary>
public static class FeedbackText
{
    public static string Of(Satisfaction value) => value switch
    {
        Satisfaction.Satisfied => "满意",
        Satisfaction.BasicallySatisfied => "基本满意",
        _ => "不满意",
    };

    public static string Of(RatingChannel value) => value switch
    {
        RatingChannel.Account => "代表委员本人（账号登录）",
        RatingChannel.Invitation => "代表委员本人（征询意见链接）",
        _ => "纸质征询意见表",
    };

    public static string Of(Core.Feedback.CommitmentState value) => value switch
    {
        Core.Feedback.CommitmentState.Kept => "已兑现",
        Core.Feedback.CommitmentState.Pending => "推进中",
        _ => "已逾期",
    };

    /// <summary>Proposal status names as the representative reads them.</summary>
    public static string Status(string status) => status switch
    {
        "Registered" => "已登记",
        "Assigned" => "已交办",
        "InProgress" => "办理中",
        "Replied" => "已答复",
        "FeedbackReceived" => "已评价",
        "Rehandling" => "重新办理中",
        "Closed" => "已办结",
        "Withdrawn" => "已撤回",
        "Merged" => "已并案",
        _ => status,
    };

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);

    public static DateOnly ChinaDate(DateTime utc) => DateOnly.FromDateTime(utc.AddHours(8));
}
