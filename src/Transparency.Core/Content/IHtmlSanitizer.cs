namespace Transparency.Core.Content;

/// <summary>
/// Cleans rich text from outside (the editor, recipes, imports) before it is stored, and again before it is
/// rendered: only the documented allow-list of elements, attributes, CSS properties and URL schemes survives.
/// </summary>
public interface IHtmlSanitizer
{
    /// <summary>The sanitized HTML; an empty string for null or blank input.</summary>
    string Sanitize(string? html);

    /// <summary>The text of the HTML without tags, paragraphs separated by new lines (for search, diff, length checks).</summary>
    string ToPlainText(string? html);
}
