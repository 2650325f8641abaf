using System.Net;
using System.Text;
using AngleSharp.Dom;
using Ganss.Xss;

namespace Transparency.Contents.Services;

/// <summary>
/// <see cref="Core.Content.IHtmlSanitizer"/> on Ganss.Xss HtmlSanitizer with an explicit allow-list for official letters
/// (see docs/rich-text.md). Everything not listed here is removed: elements not allowed are unwrapped (their
/// text kept), except the ones whose content is code or foreign markup (script, style, svg, …), which go
/// with their content.
/// </summary>
public sealed class RichTextSanitizer : Core.Content.IHtmlSanitizer
{
    /// <summary>The elements the editor produces and an official letter needs.</summary>
    public static readonly IReadOnlySet<string> AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "p", "br", "strong", "b", "em", "i", "u", "s", "ol", "ul", "li", "h2", "h3", "h4", "blockquote",
        "table", "thead", "tbody", "tr", "th", "td", "a", "span",
    };

    /// <summary>Attributes kept on allowed elements; <c>href</c> only on <c>a</c> and only with an allowed scheme.</summary>
    public static readonly IReadOnlySet<string> AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "href", "class", "colspan", "rowspan",
    };

    /// <summary>URL schemes allowed in <c>href</c>; relative URLs are allowed too.</summary>
    public static readonly IReadOnlySet<string> AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "http", "https", "mailto",
    };

    /// <summary>The only class values kept: the ones Quill writes for alignment and indentation.</summary>
    public static readonly IReadOnlySet<string> AllowedClasses = new HashSet<string>(
        new[] { "ql-align-center", "ql-align-right", "ql-align-justify" }
            .Concat(Enumerable.Range(1, 8).Select(i => $"ql-indent-{i}")),
        StringComparer.Ordinal);

    /// <summary>Elements removed together with everything inside them.</summary>
    private static readonly HashSet<string> DroppedWithContent = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "template", "iframe", "frame", "frameset", "object", "embed", "applet", "svg", "math",
        "noscript", "noembed", "noframes", "xmp", "plaintext", "textarea", "select", "option", "button", "title",
        "head", "link", "meta", "base", "audio", "video", "canvas", "map", "img", "picture", "input",
    };

    /// <summary>Headings outside the allowed levels (pasted from Word, say) become the nearest allowed level, not loose text.</summary>
    private static readonly Dictionary<string, string> HeadingFallback = new(StringComparer.OrdinalIgnoreCase)
    {
        ["h1"] = "h2", ["h5"] = "h4", ["h6"] = "h4",
    };

    private static readonly HashSet<string> BlockElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ol", "ul", "li", "blockquote", "table", "thead", "tbody",
        "tfoot", "tr", "pre", "section", "article", "header", "footer", "aside", "nav", "figure", "figcaption",
        "dl", "dt", "dd", "address", "hr", "caption", "details", "summary", "main",
    };

    private readonly HtmlSanitizer sanitizer;

    public RichTextSanitizer()
    {
        var options = HtmlSanitizerOptions.Empty();
        foreach (var tag in AllowedTags)
        {
            options.AllowedTags.Add(tag);
        }

        foreach (var attribute in AllowedAttributes)
        {
            options.AllowedAttributes.Add(attribute);
        }

        foreach (var scheme in AllowedSchemes)
        {
            options.AllowedSchemes.Add(scheme);
        }

        foreach (var cssClass in AllowedClasses)
        {
            options.AllowedClasses.Add(cssClass);
        }

        // Without this the library would not screen href against AllowedSchemes at all.
        options.UriAttributes.Add("href");

        sanitizer = new HtmlSanitizer(options) { KeepChildNodes = true };
        sanitizer.RemovingTag += (_, e) =>
        {
            if (DroppedWithContent.Contains(e.Tag.LocalName) || e.Tag.NamespaceUri != NamespaceNames.HtmlUri)
            {
                // Unwrapping would keep the script's source or the SVG's markup as text: drop it whole.
                e.Cancel = true;
                e.Tag.Remove();
            }
            else if (HeadingFallback.TryGetValue(e.Tag.LocalName, out var level) && e.Tag.Owner is { } document)
            {
                e.Cancel = true;
                e.Tag.Replace(Heading(document, e.Tag, level));
            }
        };
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is IElement element)
            {
                Tidy(element);
            }
        };
    }

    public string Sanitize(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return "";
        }

        return sanitizer.Sanitize(html).Trim();
    }

    public string ToPlainText(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return "";
        }

        if (!html.Contains('<', StringComparison.Ordinal))
        {
            // Plain text (e.g. an opinion typed without the editor): its own line breaks are its paragraphs.
            return JoinLines(WebUtility.HtmlDecode(html).Split('\n'));
        }

        var document = sanitizer.SanitizeDom(html);
        var text = new StringBuilder();
        AppendText(document.Body!, text);
        return JoinLines(text.ToString().Split('\n'));
    }

    /// <summary>A new heading element of <paramref name="level"/> with the old one's children and allowed classes.</summary>
    private static IElement Heading(IDocument document, IElement old, string level)
    {
        var heading = document.CreateElement(level);
        var classes = old.ClassList.Where(AllowedClasses.Contains).ToList();
        if (classes.Count > 0)
        {
            heading.SetAttribute("class", string.Join(' ', classes));
        }

        while (old.FirstChild is { } child)
        {
            heading.AppendChild(child);
        }

        return heading;
    }

    /// <summary>What the library cannot express as an allow-list: links get rel, cells keep sane spans.</summary>
    private static void Tidy(IElement element)
    {
        switch (element.LocalName)
        {
            case "a" when element.HasAttribute("href"):
                element.SetAttribute("rel", "noopener noreferrer");
                break;
            case "td" or "th":
                KeepSpan(element, "colspan");
                KeepSpan(element, "rowspan");
                break;
            default:
                element.RemoveAttribute("colspan");
                element.RemoveAttribute("rowspan");
                break;
        }

        if (element.LocalName != "a")
        {
            element.RemoveAttribute("href");
        }
    }

    private static void KeepSpan(IElement cell, string attribute)
    {
        var value = cell.GetAttribute(attribute);
        if (value is not null && !(int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 100))
        {
            cell.RemoveAttribute(attribute);
        }
    }

    private static void AppendText(INode node, StringBuilder text)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText t:
                    text.Append(t.Data);
                    break;
                case IElement { LocalName: "br" }:
                    text.Append('\n');
                    break;
                case IElement { LocalName: "td" or "th" } cell:
                    text.Append(' ');
                    AppendText(cell, text);
                    text.Append(' ');
                    break;
                case IElement e when BlockElements.Contains(e.LocalName):
                    text.Append('\n');
                    AppendText(e, text);
                    text.Append('\n');
                    break;
                case IElement e:
                    AppendText(e, text);
                    break;
                default:
                    break;
            }
        }
    }

    /// <summary>Collapses white space inside each line (as a browser would), trims it and drops empty lines.</summary>
    private static string JoinLines(IEnumerable<string> lines)
    {
        var result = new StringBuilder();
        foreach (var line in lines)
        {
            var collapsed = string.Join(' ', line.Split([' ', '\t', '\r', '\f', '\u00A0'], StringSplitOptions.RemoveEmptyEntries));
            if (collapsed.Length > 0)
            {
                if (result.Length > 0)
                {
                    result.Append('\n');
                }

                result.Append(collapsed);
            }
        }

        return result.ToString();
    }
}
