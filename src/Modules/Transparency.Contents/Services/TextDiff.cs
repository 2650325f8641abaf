using DiffPlex;
using Transparency.Core.Content;

namespace Transparency.Contents.Services;

/// <summary>
/// <see cref="ITextDiff"/> on DiffPlex, line by line. Rich text is first reduced to plain text by the sanitizer, one
/// line per paragraph, so a change of formatting alone is not a change.
/// </summary>
public sealed class TextDiff(IHtmlSanitizer sanitizer) : ITextDiff
{
    public IReadOnlyList<DiffLine> CompareHtml(string? oldHtml, string? newHtml) =>
        CompareText(sanitizer.ToPlainText(oldHtml), sanitizer.ToPlainText(newHtml));

    public IReadOnlyList<DiffLine> CompareText(string? oldText, string? newText)
    {
        var result = Differ.Instance.CreateDiffs(Normalize(oldText), Normalize(newText), ignoreWhiteSpace: false, ignoreCase: false, LinesChunker.Instance);
        var oldLines = result.PiecesOld;
        var newLines = result.PiecesNew;
        var lines = new List<DiffLine>(Math.Max(oldLines.Count, newLines.Count));
        int a = 0, b = 0;
        foreach (var block in result.DiffBlocks)
        {
            for (; a < block.DeleteStartA; a++, b++)
            {
                lines.Add(new DiffLine(DiffLineKind.Unchanged, oldLines[a], a + 1, b + 1));
            }

            for (var i = 0; i < block.DeleteCountA; i++, a++)
            {
                lines.Add(new DiffLine(DiffLineKind.Deleted, oldLines[a], a + 1, null));
            }

            for (var i = 0; i < block.InsertCountB; i++, b++)
            {
                lines.Add(new DiffLine(DiffLineKind.Inserted, newLines[b], null, b + 1));
            }
        }

        for (; a < oldLines.Count; a++, b++)
        {
            lines.Add(new DiffLine(DiffLineKind.Unchanged, oldLines[a], a + 1, b + 1));
        }

        return lines;
    }

    private static string Normalize(string? text) =>
        (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').TrimEnd('\n');

    /// <summary>Lines split on '\n'; an empty text has no lines at all (not one empty line).</summary>
    private sealed class LinesChunker : IChunker
    {
        public static readonly LinesChunker Instance = new();

        public IReadOnlyList<string> Chunk(string text) => text.Length == 0 ? [] : text.Split('\n');
    }
}
