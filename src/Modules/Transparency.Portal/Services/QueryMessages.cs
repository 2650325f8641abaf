using Microsoft.Extensions.Localization;

namespace Transparency.Portal.Services;

/// <summary>The messages of refused query-string values, in the visitor's language; each names its parameter.</summary>
public sealed class QueryMessages(IStringLocalizer<SharedResource> localizer)
{
    public string OnlyOne(string name) => localizer["参数 {0} 只能出现一次。", name];

    public string ControlCharacters(string name) => localizer["参数 {0} 含有不允许的控制字符。", name];

    public string TooLong(string name, int max) => localizer["参数 {0} 最长 {1} 个字符。", name, max];

    public string OneOf(string name, IReadOnlyList<string> allowed) => localizer["参数 {0} 只能取以下值之一：{1}。", name, string.Join(", ", allowed)];

    public string Range(string name, int min, int max) => localizer["参数 {0} 必须是 {1} 至 {2} 之间的整数。", name, min, max];

    public string BeyondWindow(string name, int window) => localizer["参数 {0} 超出范围：只能浏览前 {1} 条结果，请缩小检索范围。", name, window];
}
