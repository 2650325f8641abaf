using System.Net;
using System.Text;

namespace Transparency.Replies.Letters;

/// <summary>A node of the small tree built from letter markup or from the rich-text body: an element or a text.</summary>
internal sealed class MarkupNode
{
    private MarkupNode(string? name, string? text)
    {
        Name = name;
        Text = text;
    }

    /// <summary>Lower-case tag name; null for a text node.</summary>
    public string? Name { get; }

    /// <summary>Decoded text of a text node; null for an element.</summary>
    public string? Text { get; }

    public bool IsText => Name is null;

    public Dictionary<string, string> Attributes { get; } = new(StringComparer.OrdinalIgnoreCase);

    public List<MarkupNode> Children { get; } = [];

    public static MarkupNode Element(string name) => new(name, null);

    public static MarkupNode TextNode(string text) => new(null, text);

    public string? Attribute(string name) => Attributes.TryGetValue(name, out var value) ? value : null;

    public bool HasClass(string className)
    {
        var classes = Attribute("class");
        return classes is not null
            && classes.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Contains(className, StringComparer.OrdinalIgnoreCase);
    }

    public IEnumerable<string> Classes()
        => (Attribute("class") ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    /// <summary>All text below this node, as written (not normalised).</summary>
    public string InnerText()
    {
        if (IsText)
        {
            return Text!;
        }

        var builder = new StringBuilder();
        foreach (var child in Children)
        {
            builder.Append(child.InnerText());
        }

        return builder.ToString();
    }

    public IEnumerable<MarkupNode> Descendants()
    {
        foreach (var child in Children)
        {
            yield return child;
            foreach (var descendant in child.Descendants())
            {
                yield return descendant;
            }
        }
    }
}

/// <summary>What the parser noticed about the structure: used by template validation, never fatal.</summary>
internal sealed record MarkupProblem(MarkupProblemKind Kind, string TagName);

internal enum MarkupProblemKind
{
    /// <summary>A start tag whose end tag never came (closed by an outer end tag or by the end of the text).</summary>
    Unclosed,

    /// <summary>An end tag without a matching open element.</summary>
    StrayEndTag,
}

/// <summary>
/// A small, forgiving parser for HTML-like text: the rich-text body (already sanitized) and the markup produced by the
/// letter template. It never throws: malformed input gives a best-effort tree. Comments, doctypes, processing
/// instructions and the content of script-like elements are dropped; entities are decoded. Nothing is executed.
/// </summary>
internal static class MarkupParser
{
    private static readonly HashSet<string> HtmlVoidElements = new(StringComparer.Ordinal)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    };

    /// <summary>Elements whose content is raw text up to the end tag; dropped with their content.</summary>
    private static readonly HashSet<string> DroppedRawTextElements = new(StringComparer.Ordinal)
    {
        "script", "style", "textarea", "xmp", "iframe", "noembed", "noframes", "noscript", "template", "plaintext",
    };

    /// <summary>Starting one of these closes an open <c>p</c> (as in HTML).</summary>
    private static readonly HashSet<string> ClosesParagraph = new(StringComparer.Ordinal)
    {
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "blockquote", "pre", "hr", "section",
        "article", "header", "footer", "aside", "address", "figure", "dl", "nav", "main",
    };

    private static readonly HashSet<string> ListScopes = new(StringComparer.Ordinal) { "ul", "ol", "table" };

    private static readonly HashSet<string> CellScopes = new(StringComparer.Ordinal) { "tr", "table" };

    private static readonly HashSet<string> RowScopes = new(StringComparer.Ordinal) { "table", "thead", "tbody", "tfoot" };

    private static readonly HashSet<string> TableScope = new(StringComparer.Ordinal) { "table" };

    /// <summary>Parses <paramref name="text"/> into a root element named <c>#root</c>.</summary>
    /// <param name="text">The HTML or letter markup.</param>
    /// <param name="extraVoidElements">Tag names that never have content (for letter markup: rule, blank, body …).</param>
    /// <param name="problems">Receives structural problems when not null.</param>
    public static MarkupNode Parse(string? text, IReadOnlySet<string>? extraVoidElements = null, List<MarkupProblem>? problems = null)
    {
        var root = MarkupNode.Element("#root");
        var stack = new List<MarkupNode> { root };
        var source = text ?? "";
        var textStart = 0;
        var i = 0;

        void FlushText(int end)
        {
            if (end > textStart)
            {
                var raw = source[textStart..end];
                stack[^1].Children.Add(MarkupNode.TextNode(WebUtility.HtmlDecode(raw)));
            }
        }

        while (i < source.Length)
        {
            if (source[i] != '<' || i + 1 >= source.Length)
            {
                i++;
                continue;
            }

            var next = source[i + 1];
            if (next == '!' || next == '?')
            {
                FlushText(i);
                i = SkipDeclaration(source, i);
                textStart = i;
                continue;
            }

            if (next == '/')
            {
                if (i + 2 < source.Length && char.IsAsciiLetter(source[i + 2]))
                {
                    FlushText(i);
                    var nameEnd = ReadName(source, i + 2);
                    var name = source[(i + 2)..nameEnd].ToLowerInvariant();
                    var close = source.IndexOf('>', nameEnd);
                    i = close < 0 ? source.Length : close + 1;
                    textStart = i;
                    CloseElement(stack, name, problems);
                    continue;
                }

                i++;
                continue;
            }

            if (!char.IsAsciiLetter(next))
            {
                i++;
                continue;
            }

            FlushText(i);
            var tagNameEnd = ReadName(source, i + 1);
            var tagName = source[(i + 1)..tagNameEnd].ToLowerInvariant();
            var element = MarkupNode.Element(tagName);
            i = ReadAttributes(source, tagNameEnd, element, out var selfClosing);
            textStart = i;

            if (DroppedRawTextElements.Contains(tagName))
            {
                if (!selfClosing)
                {
                    var end = source.IndexOf("</" + tagName, i, StringComparison.OrdinalIgnoreCase);
                    if (end < 0)
                    {
                        i = source.Length;
                    }
                    else
                    {
                        var close = source.IndexOf('>', end);
                        i = close < 0 ? source.Length : close + 1;
                    }

                    textStart = i;
                }

                continue;
            }

            ApplyImplicitEnds(stack, tagName);
            stack[^1].Children.Add(element);
            var isVoid = selfClosing || HtmlVoidElements.Contains(tagName) || (extraVoidElements?.Contains(tagName) ?? false);
            if (!isVoid)
            {
                stack.Add(element);
            }
        }

        FlushText(source.Length);
        for (var k = stack.Count - 1; k > 0; k--)
        {
            problems?.Add(new MarkupProblem(MarkupProblemKind.Unclosed, stack[k].Name!));
        }

        return root;
    }

    private static int ReadName(string source, int start)
    {
        var i = start;
        while (i < source.Length && (char.IsAsciiLetterOrDigit(source[i]) || source[i] is '-' or '_' or ':' or '.'))
        {
            i++;
        }

        return i;
    }

    private static int SkipDeclaration(string source, int start)
    {
        if (string.CompareOrdinal(source, start, "<!--", 0, 4) == 0)
        {
            var end = source.IndexOf("-->", start + 4, StringComparison.Ordinal);
            return end < 0 ? source.Length : end + 3;
        }

        if (string.CompareOrdinal(source, start, "<![CDATA[", 0, 9) == 0)
        {
            var end = source.IndexOf("]]>", start + 9, StringComparison.Ordinal);
            return end < 0 ? source.Length : end + 3;
        }

        var close = source.IndexOf('>', start);
        return close < 0 ? source.Length : close + 1;
    }

    private static int ReadAttributes(string source, int start, MarkupNode element, out bool selfClosing)
    {
        selfClosing = false;
        var i = start;
        while (i < source.Length)
        {
            var c = source[i];
            if (c == '>')
            {
                return i + 1;
            }

            if (c == '/' && i + 1 < source.Length && source[i + 1] == '>')
            {
                selfClosing = true;
                return i + 2;
            }

            if (char.IsWhiteSpace(c) || c == '/')
            {
                i++;
                continue;
            }

            var nameStart = i;
            while (i < source.Length && !char.IsWhiteSpace(source[i]) && source[i] is not ('=' or '>' or '/'))
            {
                i++;
            }

            var name = source[nameStart..i].ToLowerInvariant();
            while (i < source.Length && char.IsWhiteSpace(source[i]))
            {
                i++;
            }

            var value = "";
            if (i < source.Length && source[i] == '=')
            {
                i++;
                while (i < source.Length && char.IsWhiteSpace(source[i]))
                {
                    i++;
                }

                if (i < source.Length && source[i] is '"' or '\'')
                {
                    var quote = source[i];
                    var end = source.IndexOf(quote, i + 1);
                    if (end < 0)
                    {
                        end = source.Length;
                    }

                    value = source[(i + 1)..end];
                    i = Math.Min(source.Length, end + 1);
                }
                else
                {
                    var valueStart = i;
                    while (i < source.Length && !char.IsWhiteSpace(source[i]) && source[i] != '>')
                    {
                        i++;
                    }

                    value = source[valueStart..i];
                }
            }

            if (name.Length > 0)
            {
                element.Attributes.TryAdd(name, WebUtility.HtmlDecode(value));
            }
        }

        return i;
    }

    private static void ApplyImplicitEnds(List<MarkupNode> stack, string tagName)
    {
        if (ClosesParagraph.Contains(tagName) && stack[^1].Name == "p")
        {
            stack.RemoveAt(stack.Count - 1);
        }

        switch (tagName)
        {
            case "li":
                PopTo(stack, "li", ListScopes);
                break;
            case "td" or "th":
                PopTo(stack, "td", CellScopes, "th");
                break;
            case "tr":
                PopTo(stack, "tr", RowScopes);
                break;
            case "thead" or "tbody" or "tfoot":
                PopTo(stack, "thead", TableScope, "tbody", "tfoot");
                break;
        }
    }

    /// <summary>Closes the nearest open <paramref name="name"/> (or alternative) when no scope element lies in between.</summary>
    private static void PopTo(List<MarkupNode> stack, string name, HashSet<string> scopes, params string[] alternatives)
    {
        for (var k = stack.Count - 1; k > 0; k--)
        {
            var open = stack[k].Name!;
            if (open == name || alternatives.Contains(open))
            {
                stack.RemoveRange(k, stack.Count - k);
                return;
            }

            if (scopes.Contains(open))
            {
                return;
            }
        }
    }

    private static void CloseElement(List<MarkupNode> stack, string name, List<MarkupProblem>? problems)
    {
        for (var k = stack.Count - 1; k > 0; k--)
        {
            if (stack[k].Name == name)
            {
                for (var m = stack.Count - 1; m > k; m--)
                {
                    problems?.Add(new MarkupProblem(MarkupProblemKind.Unclosed, stack[m].Name!));
                }

                stack.RemoveRange(k, stack.Count - k);
                return;
            }
        }

        problems?.Add(new MarkupProblem(MarkupProblemKind.StrayEndTag, name));
    }
}
