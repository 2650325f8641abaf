using System.Net;
using Microsoft.AspNetCore.Html;

namespace Transparency.Portal.Services;

/// <summary>
/// Renders a search hit's title or snippet. The search service returns them already HTML-encoded, with only
/// &lt;mark&gt; and &lt;/mark&gt; added around the matched words (ISearchService contract), which is why they may be
/// written raw. As a second line of defence, a string that holds any other markup is encoded whole instead.
/// </summary>
public static class Highlighted
{
    public static IHtmlContent Html(string? encoded)
    {
        if (string.IsNullOrEmpty(encoded))
        {
            return HtmlString.Empty;
        }

        var rest = encoded.Replace("<mark>", "", StringComparison.Ordinal).Replace("</mark>", "", StringComparison.Ordinal);
        return rest.Contains('<', StringComparison.Ordinal) || rest.Contains('>', StringComparison.Ordinal) || rest.Contains('"', StringComparison.Ordinal)
            ? new HtmlString(WebUtility.HtmlEncode(encoded))
            : new HtmlString(encoded);
    }
}
