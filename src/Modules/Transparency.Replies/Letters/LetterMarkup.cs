namespace Transparency.Replies.Letters;

/// <summary>
/// The small markup language the letter template produces (documented in docs/reply-letter.md). Block tags become
/// paragraphs in the official-letter layout; inline tags format text inside them; <c>&lt;body/&gt;</c> is where the
/// reply's rich text goes.
/// </summary>
internal static class LetterMarkup
{
    /// <summary>Tags without content.</summary>
    public static readonly IReadOnlySet<string> VoidTags = new HashSet<string>(StringComparer.Ordinal)
    {
        "body", "rule", "blank", "pagebreak", "br",
    };

    public static readonly IReadOnlySet<string> BlockTags = new HashSet<string>(StringComparer.Ordinal)
    {
        "letterhead", "docno", "rule", "mark", "title", "salutation", "p", "heading", "right", "signature", "colophon",
        "blank", "pagebreak",
    };

    public static readonly IReadOnlySet<string> InlineTags = new HashSet<string>(StringComparer.Ordinal)
    {
        "b", "strong", "i", "em", "u", "s", "sup", "sub", "br", "span",
    };

    public static bool IsKnown(string tag) => tag == "body" || BlockTags.Contains(tag) || InlineTags.Contains(tag);
}
