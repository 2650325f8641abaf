namespace Transparency.Core.Content;

/// <summary>How a line of a diff changed.</summary>
public enum DiffLineKind
{
    /// <summary>The same in both texts.</summary>
    Unchanged,

    /// <summary>Only in the new text.</summary>
    Inserted,

    /// <summary>Only in the old text.</summary>
    Deleted,
}

/// <summary>A line of a side-by-side or inline diff.</summary>
/// <param name="Kind">How it changed.</param>
/// <param name="Text">The line's plain text.</param>
/// <param name="OldNumber">Its line number in the old text, if any.</param>
/// <param name="NewNumber">Its line number in the new text, if any.</param>
public sealed record DiffLine(DiffLineKind Kind, string Text, int? OldNumber, int? NewNumber);

/// <summary>Compares two versions of a text (rich text is compared paragraph by paragraph, as plain text).</summary>
public interface ITextDiff
{
    /// <summary>The lines of an inline diff from <paramref name="oldHtml"/> to <paramref name="newHtml"/>.</summary>
    IReadOnlyList<DiffLine> CompareHtml(string? oldHtml, string? newHtml);

    /// <summary>The lines of an inline diff between two plain texts.</summary>
    IReadOnlyList<DiffLine> CompareText(string? oldText, string? newText);
}
