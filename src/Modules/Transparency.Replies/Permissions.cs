using Transparency.Core.Security;

namespace Transparency.Replies;

public static class RepliesPermissions
{
    public const string View = "Replies.View";
    public const string Draft = "Replies.Draft";
    public const string Review = "Replies.Review";
    public const string Approve = "Replies.Approve";
    public const string Send = "Replies.Send";
    public const string Publish = "Replies.Publish";
    public const string ManageTemplates = "Replies.ManageTemplates";
    public const string EditSummaries = "Summaries.Edit";

    private const string Group = "答复与办理总结";

    public static IEnumerable<Permission> All =>
    [
        new(View, "查看本单位承办建议提案的答复及待办事项", Group),
        new(Draft, "起草、修改本单位承办建议提案的答复，提交审核", Group),
        new(Review, "审核分管单位的答复（审核环节）", Group),
        new(Approve, "审定签发答复和办理工作总结（审定环节）", Group),
        new(Send, "登记答复的送达（日期、方式）", Group),
        new(Publish, "公开、不予公开、撤回公开答复，处理个人信息", Group),
        new(ManageTemplates, "设置审核环节和答复函模板", Group),
        new(EditSummaries, "起草、修改办理工作总结", Group),
    ];
}
