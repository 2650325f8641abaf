using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Html;
using Transparency.Core.Content;

namespace Transparency.Proposals.Services;

/// <summary>
/// The text of a co-handling opinion: rich text (HTML) from the editor, or plain text when it was typed without
/// JavaScript or saved before the editor existed. Text without any '&lt;' is plain text (docs/rich-text.md).
/// </summary>
public static partial class OpinionText
{
    /// <summary>What is stored: the sanitized HTML, or the plain text as typed (trimmed).</summary>
    public static string Normalize(IHtmlSanitizer sanitizer, string? text)
    {
        ArgumentNullException.ThrowIfNull(sanitizer);
        var body = (text ?? "").Trim();
        return IsHtml(body) ? sanitizer.Sanitize(body) : body;
    }

    /// <summary>The number of characters a reader sees (tags do not count).</summary>
    public static int Length(IHtmlSanitizer sanitizer, string stored)
    {
        ArgumentNullException.ThrowIfNull(sanitizer);
        return IsHtml(stored) ? sanitizer.ToPlainText(stored).Length : stored.Length;
    }

    /// <summary>
    /// The opinion for a page: HTML sanitized again on the way out; plain text encoded, its blank-line separated
    /// paragraphs as &lt;p&gt; and its other line breaks as &lt;br&gt;.
    /// </summary>
    public static IHtmlContent Render(IHtmlSanitizer sanitizer, string? stored)
    {
        ArgumentNullException.ThrowIfNull(sanitizer);
        var text = stored ?? "";
        if (IsHtml(text))
        {
            return new HtmlString(sanitizer.Sanitize(text));
        }

        var html = new HtmlContentBuilder();
        foreach (var paragraph in BlankLines().Split(text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim()))
        {
            var lines = paragraph.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
            if (lines.Count == 0)
            {
                continue;
            }

            html.AppendHtml("<p>");
            for (var i = 0; i < lines.Count; i++)
            {
                if (i > 0)
                {
                    html.AppendHtml("<br>");
                }

                html.Append(lines[i]); // encoded when written
            }

            html.AppendHtml("</p>");
        }

        return html;
    }

    private static bool IsHtml(string text) => text.Contains('<', StringComparison.Ordinal);

    [GeneratedRegex(@"\n[ \t\u3000]*\n+")]
    private static partial Regex BlankLines();
}
