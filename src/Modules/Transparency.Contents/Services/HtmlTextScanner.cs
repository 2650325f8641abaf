using System.Net;
using System.Text;

namespace Transparency.Contents.Services;

/// <summary>
/// A run of character data of an HTML string, entities decoded (and no-break spaces read as spaces).
/// <c>Map[i]</c> is the offset in the HTML of the character <c>Text[i]</c>; <c>Map[Text.Length]</c> is the offset
/// just after the run, so <c>Map[start]..Map[end]</c> is the HTML behind <c>Text[start..end]</c>.
/// </summary>
internal sealed record TextSegment(string Text, int[] Map)
{
    public int HtmlStart(int textIndex) => Map[textIndex];

    public int HtmlEnd(int textEnd) => Map[textEnd];
}

/// <summary>
/// Splits an HTML string into its text runs without building a DOM, so that offsets stay offsets into the
/// original string: tags (with their attributes, quoted or not), comments, doctype and processing
/// instructions are skipped, and so is the content of elements that do not hold readable text (script, style,
/// textarea, …). A '&lt;' that does not open a tag is text, as in a browser.
/// </summary>
internal static class HtmlTextScanner
{
    private static readonly HashSet<string> RawTextElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript", "template",
    };

    public static IEnumerable<TextSegment> Segments(string html)
    {
        var textStart = 0;
        var i = 0;
        while (i < html.Length)
        {
            if (html[i] != '<' || i + 1 >= html.Length)
            {
                i++;
                continue;
            }

            var next = html[i + 1];
            int end;
            if (char.IsAsciiLetter(next))
            {
                end = SkipTag(html, i + 1, out var name);
                if (name.Equals("plaintext", StringComparison.OrdinalIgnoreCase))
                {
                    end = html.Length;
                }
                else if (RawTextElements.Contains(name))
                {
                    end = FindEndTag(html, end, name);
                }
            }
            else if (next == '/' && i + 2 < html.Length && char.IsAsciiLetter(html[i + 2]))
            {
                end = SkipTag(html, i + 2, out _);
            }
            else if (string.CompareOrdinal(html, i, "<!--", 0, 4) == 0)
            {
                var close = html.IndexOf("-->", i + 4, StringComparison.Ordinal);
                end = close < 0 ? html.Length : close + 3;
            }
            else if (next is '!' or '?' or '/')
            {
                // Doctype, CDATA, processing instruction, or a bogus comment: up to the next '>'.
                var close = html.IndexOf('>', i + 2);
                end = close < 0 ? html.Length : close + 1;
            }
            else
            {
                i++;
                continue;
            }

            if (i > textStart)
            {
                yield return Decode(html, textStart, i);
            }

            i = end;
            textStart = end;
        }

        if (html.Length > textStart)
        {
            yield return Decode(html, textStart, html.Length);
        }
    }

    /// <summary>From the first letter of a tag name to just after its '&gt;', stepping over attribute values.</summary>
    private static int SkipTag(string html, int nameStart, out string name)
    {
        var j = nameStart;
        while (j < html.Length && !IsSpace(html[j]) && html[j] is not ('/' or '>'))
        {
            j++;
        }

        name = html[nameStart..j];
        while (j < html.Length)
        {
            var c = html[j];
            if (c == '>')
            {
                return j + 1;
            }

            if (IsSpace(c) || c == '/')
            {
                j++;
                continue;
            }

            // An attribute name (its first character may even be '='), then an optional value.
            j++;
            while (j < html.Length && !IsSpace(html[j]) && html[j] is not ('/' or '>' or '='))
            {
                j++;
            }

            j = SkipSpaces(html, j);
            if (j < html.Length && html[j] == '=')
            {
                j = SkipSpaces(html, j + 1);
                if (j < html.Length && html[j] is '"' or '\'')
                {
                    var close = html.IndexOf(html[j], j + 1);
                    j = close < 0 ? html.Length : close + 1;
                }
                else
                {
                    while (j < html.Length && !IsSpace(html[j]) && html[j] != '>')
                    {
                        j++;
                    }
                }
            }
        }

        return html.Length;
    }

    /// <summary>The offset of the matching end tag (which the caller then skips as a tag), or the end of the string.</summary>
    private static int FindEndTag(string html, int from, string name)
    {
        var needle = "</" + name;
        var j = from;
        while (true)
        {
            var k = html.IndexOf(needle, j, StringComparison.OrdinalIgnoreCase);
            if (k < 0)
            {
                return html.Length;
            }

            var after = k + needle.Length;
            if (after >= html.Length || IsSpace(html[after]) || html[after] is '/' or '>')
            {
                return k;
            }

            j = after;
        }
    }

    private static int SkipSpaces(string html, int j)
    {
        while (j < html.Length && IsSpace(html[j]))
        {
            j++;
        }

        return j;
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f';

    private static TextSegment Decode(string html, int start, int end)
    {
        var text = new StringBuilder(end - start);
        var map = new List<int>(end - start + 1);
        var k = start;
        while (k < end)
        {
            if (html[k] == '&' && EntityLength(html, k, end) is > 0 and var length)
            {
                var entity = html.Substring(k, length);
                var decoded = WebUtility.HtmlDecode(entity);
                if (!string.Equals(decoded, entity, StringComparison.Ordinal))
                {
                    foreach (var c in decoded)
                    {
                        text.Append(c == '\u00A0' ? ' ' : c);
                        map.Add(k);
                    }

                    k += length;
                    continue;
                }
            }

            text.Append(html[k] == '\u00A0' ? ' ' : html[k]);
            map.Add(k);
            k++;
        }

        map.Add(end);
        return new TextSegment(text.ToString(), [.. map]);
    }

    /// <summary>The length of a character reference (<c>&amp;name;</c>, <c>&amp;#123;</c>, <c>&amp;#x1F;</c>) at <paramref name="k"/>, or 0.</summary>
    private static int EntityLength(string html, int k, int end)
    {
        var j = k + 1;
        if (j < end && html[j] == '#')
        {
            j++;
            var hex = j < end && html[j] is 'x' or 'X';
            if (hex)
            {
                j++;
            }

            var digits = j;
            while (j < end && (hex ? char.IsAsciiHexDigit(html[j]) : char.IsAsciiDigit(html[j])))
            {
                j++;
            }

            return j > digits && j < end && html[j] == ';' && j - k < 12 ? j - k + 1 : 0;
        }

        var nameStart = j;
        while (j < end && char.IsAsciiLetterOrDigit(html[j]) && j - k < 40)
        {
            j++;
        }

        return j > nameStart && j < end && html[j] == ';' ? j - k + 1 : 0;
    }
}
