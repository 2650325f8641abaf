using System.Net;
using System.Text;
using Lucene.Net.Search;

namespace Transparency.Search.Services;

/// <summary>
/// Highlighted title and snippet of a hit: the text HTML-encoded, matches wrapped in &lt;mark&gt;.
/// <para>
/// The words to mark are taken from the query once (<see cref="HighlightTerms"/>), then found in each hit's stored text
/// by plain string search: nothing is analysed again and no term vector is read, so a page of 20 hits costs a few
/// microseconds more than a page of none (Lucene's <c>Highlighter</c> re-analysed each text and cost about 0.8 ms per
/// hit; <c>FastVectorHighlighter</c> on stored term vectors still 0.25 ms; docs/performance.md).
/// </para>
/// <para>
/// A Chinese word the analyzer cut into tokens (路灯 → 路/灯) is marked as the whole word where it occurs as one; only a
/// text that holds the tokens apart gets them marked one by one. Latin terms (lower-cased and stemmed, “light” for
/// “lighting”) match at the start of a word and the mark runs to the end of it.
/// </para>
/// </summary>
public sealed class Snippets
{
    public const int SnippetLength = 120;

    /// <summary>How far before the first match a snippet may begin, looking for the start of a clause.</summary>
    private const int Lead = 24;

    /// <summary>Ends of sentences, then of clauses: a snippet begins after the nearest of the first kind, else of the second.</summary>
    private static readonly char[][] Boundaries = [['。', '；', '！', '？', '.', ';', '!', '?', '\n'], ['，', '：', '、', ',', ':']];

    private readonly IReadOnlyList<HighlightTerms.Word> _title;
    private readonly IReadOnlyList<HighlightTerms.Word> _body;

    /// <param name="query">The text query (null: nothing to highlight).</param>
    public Snippets(Query? query)
    {
        _title = query is null ? [] : HighlightTerms.Of(query, IndexFields.Title);
        _body = query is null ? [] : HighlightTerms.Of(query, IndexFields.Body);
    }

    public string Title(string title)
        => Matches(title, _title) is { Count: > 0 } matches ? Render(title, 0, title.Length, matches) : Encode(title);

    /// <summary>The part of the body around the first matches; its beginning when no word of the query is in it.</summary>
    public string Snippet(string body)
    {
        var matches = Matches(body, _body);
        if (matches.Count == 0)
        {
            return Encode(body.Length <= SnippetLength ? body : body[..SnippetLength] + "…");
        }

        var (start, end) = Window(body, matches);
        var inside = matches.Where(m => m.Start >= start && m.Start + m.Length <= end).ToList();
        return (start > 0 ? "…" : "") + Render(body, start, end, inside) + (end < body.Length ? "…" : "");
    }

    /// <summary>Every place a word occurs, longest words first, without overlaps, in text order.</summary>
    internal static List<(int Start, int Length)> Matches(string text, IReadOnlyList<HighlightTerms.Word> words)
    {
        var found = new List<(int Start, int Length)>();
        if (text.Length == 0 || words.Count == 0)
        {
            return found;
        }

        var taken = new bool[text.Length];
        foreach (var word in words)
        {
            var before = found.Count;
            Find(text, word.Whole, taken, found);
            if (found.Count == before)
            {
                // The text holds the word's tokens apart (it matched them one by one): mark them one by one.
                foreach (var part in word.Parts)
                {
                    Find(text, part, taken, found);
                }
            }
        }

        found.Sort((a, b) => a.Start.CompareTo(b.Start));
        return found;
    }

    private static void Find(string text, string term, bool[] taken, List<(int Start, int Length)> found)
    {
        if (term.Length == 0)
        {
            return;
        }

        var latin = IsLatin(term[0]);
        for (var at = text.IndexOf(term, StringComparison.OrdinalIgnoreCase); at >= 0 && at < text.Length;
             at = at + 1 < text.Length ? text.IndexOf(term, at + 1, StringComparison.OrdinalIgnoreCase) : -1)
        {
            var length = term.Length;
            if (latin)
            {
                if (at > 0 && char.IsLetterOrDigit(text[at - 1]))
                {
                    continue; // “led” is not in “called”
                }

                while (at + length < text.Length && IsLatin(text[at + length]))
                {
                    length++; // “light” marks all of “lighting”
                }
            }

            if (taken.AsSpan(at, length).Contains(true))
            {
                continue;
            }

            taken.AsSpan(at, length).Fill(true);
            found.Add((at, length));
        }
    }

    private static bool IsLatin(char c) => char.IsAsciiLetterOrDigit(c);

    /// <summary>
    /// The <see cref="SnippetLength"/> characters that hold the most matches, begun at the start of a clause when one
    /// is near before the first of them.
    /// </summary>
    private static (int Start, int End) Window(string text, List<(int Start, int Length)> matches)
    {
        var best = 0;
        var bestCount = 0;
        for (var i = 0; i < matches.Count; i++)
        {
            var count = 0;
            for (var j = i; j < matches.Count && matches[j].Start + matches[j].Length <= matches[i].Start + SnippetLength; j++)
            {
                count++;
            }

            if (count > bestCount)
            {
                (best, bestCount) = (i, count);
            }
        }

        var first = matches[best].Start;
        var start = Math.Max(0, first - Lead);
        foreach (var marks in Boundaries)
        {
            var boundary = first == 0 ? -1 : text.LastIndexOfAny(marks, first - 1, first - start);
            if (boundary >= start)
            {
                start = boundary + 1;
                break;
            }
        }

        while (start < first && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        var end = Math.Min(text.Length, start + SnippetLength);
        if (end - start < SnippetLength)
        {
            start = Math.Max(0, end - SnippetLength);
        }

        return (start, end);
    }

    private static string Render(string text, int start, int end, List<(int Start, int Length)> matches)
    {
        var html = new StringBuilder((end - start) + (matches.Count * 13) + 16);
        var at = start;
        foreach (var (matchStart, length) in matches)
        {
            if (matchStart < at || matchStart + length > end)
            {
                continue;
            }

            html.Append(Encode(text[at..matchStart])).Append("<mark>").Append(Encode(text.Substring(matchStart, length))).Append("</mark>");
            at = matchStart + length;
        }

        return html.Append(Encode(text[at..end])).ToString();
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
