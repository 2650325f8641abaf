using System.Text.RegularExpressions;

namespace Transparency.Portal.Services;

/// <summary>
/// Makes the redaction marks of a public text visible: each 〔已删除：理由〕 the Replies module left in place of personal
/// data is wrapped in <c>&lt;span class="redaction"&gt;</c>. Only text between tags is touched, so attribute values of
/// the (already sanitized) HTML stay as they are; the mark's characters exclude &lt; and &gt;, so nothing is injected.
/// </summary>
public static partial class RedactionMarks
{
    public static string Highlight(string html)
    {
        if (string.IsNullOrEmpty(html) || !html.Contains("〔已删除", StringComparison.Ordinal))
        {
            return html;
        }

        return Tags().Replace(html, m => m.Groups["tag"].Success
            ? m.Value
            : Mark().Replace(m.Value, "<span class=\"redaction\">$0</span>"));
    }

    [GeneratedRegex("(?<tag><[^>]*>)|[^<]+")]
    private static partial Regex Tags();

    [GeneratedRegex("〔已删除[：:][^〔〕<>&]{1,40}〕")]
    private static partial Regex Mark();
}
