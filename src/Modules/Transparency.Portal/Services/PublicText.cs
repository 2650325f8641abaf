using Transparency.Core.Proposals;
using Transparency.Core.Search;

namespace Transparency.Portal.Services;

/// <summary>
/// The Chinese names the public pages show for codes (outcome, part, kind, content type); views pass them through the
/// localizer, so each has an English entry in SharedResource.en.resx.
/// </summary>
public static class PublicText
{
    public static readonly IReadOnlyList<string> Kinds = ["建议", "提案"];

    public static readonly IReadOnlyList<string> Outcomes = ["A", "B", "C"];

    public static readonly IReadOnlyList<string> Parts = ["主办", "协办"];

    /// <summary>办理结果分类, worded as in the Replies module and the reply letters.</summary>
    public static string OutcomeMeaning(string? outcome) => outcome switch
    {
        "A" => "所提问题已经解决或者采纳",
        "B" => "所提问题正在解决或者列入计划逐步解决",
        "C" => "因条件限制或其他原因暂时无法解决",
        _ => "",
    };

    /// <summary>“A类”, “B类”, “C类”.</summary>
    public static string OutcomeName(string? outcome) => outcome switch
    {
        "A" => "A类",
        "B" => "B类",
        "C" => "C类",
        _ => "未分类",
    };

    public static string PartName(HandlingPart part) => part switch
    {
        HandlingPart.Lead => "主办",
        HandlingPart.Co => "协办",
        HandlingPart.Split => "分办",
        _ => part.ToString(),
    };

    public static string TypeName(string? contentType) => contentType switch
    {
        PublicContentTypes.Reply => "办理复文",
        PublicContentTypes.Summary => "办理工作总结",
        PublicContentTypes.Page => "信息公开页面",
        _ => contentType ?? "",
    };

    /// <summary>The label of a filter field.</summary>
    public static string FieldName(string field) => field switch
    {
        SearchFields.Type => "内容类型",
        SearchFields.Year => "年度",
        SearchFields.Session => "届次",
        SearchFields.Kind => "建议/提案",
        SearchFields.Category => "类别",
        SearchFields.Unit => "承办单位",
        SearchFields.Outcome => "办理结果",
        SearchFields.Part => "主办/协办",
        _ => field,
    };

    /// <summary>How a facet value reads on the page (codes become words; names stay as they are).</summary>
    public static string FacetValueName(string field, string value) => field switch
    {
        SearchFields.Type => TypeName(value),
        SearchFields.Outcome => OutcomeName(value),
        _ => value,
    };

    /// <summary>Whether <see cref="FacetValueName"/> gives a fixed word that the localizer should translate.</summary>
    public static bool IsCodeField(string field) => field is SearchFields.Type or SearchFields.Outcome or SearchFields.Kind or SearchFields.Part;
}
