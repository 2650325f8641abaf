using System.Text.RegularExpressions;
using Lucene.Net.Analysis;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;

namespace Transparency.Search.Services;

/// <summary>
/// Turns typed text into a Lucene query over the searched fields (title boosted), words joined by AND, synonyms
/// expanded. Text the query syntax cannot read (<c>"</c>, <c>AND</c>, <c>((</c>, <c>title:</c>, <c>*</c>, <c>?~</c>) is
/// searched as plain words instead; nothing here throws for user input.
/// </summary>
public static partial class SearchQueryBuilder
{
    /// <summary>Longer text is cut: nobody types it, and it would only cost time.</summary>
    public const int MaxTextLength = 200;

    /// <summary>The query, or null for “no text” (match everything), and whether it was read as plain words.</summary>
    public static (Query? Query, bool PlainText) Build(string? text, IReadOnlyList<IReadOnlyList<string>> synonyms, Analyzer analyzer)
    {
        var trimmed = (text ?? "").Trim();
        if (trimmed.Length == 0)
        {
            return (null, false);
        }

        if (trimmed.Length > MaxTextLength)
        {
            trimmed = trimmed[..MaxTextLength];
        }

        if (TryParse(SynonymExpansion.Expand(trimmed, synonyms), analyzer) is { } parsed)
        {
            return (parsed, false);
        }

        // Plain words: every syntax character escaped; the operator words dropped (“路灯 AND” means 路灯), or, when
        // there is nothing else, lower-cased so they are searched as words.
        var escaped = QueryParserBase.Escape(trimmed);
        var plain = Operators().Replace(escaped, " ");
        if (string.IsNullOrWhiteSpace(plain))
        {
            plain = Operators().Replace(escaped, m => m.Value.ToLowerInvariant());
        }

        return (TryParse(SynonymExpansion.Expand(plain, synonyms), analyzer) ?? new BooleanQuery(), true);
    }

    private static Query? TryParse(string text, Analyzer analyzer)
    {
        var parser = new MultiFieldQueryParser(SearchAnalyzers.Version, [.. IndexFields.Searched.Keys], analyzer, IndexFields.Searched.ToDictionary(f => f.Key, f => f.Value))
        {
            DefaultOperator = Operator.AND,
            AllowLeadingWildcard = false,
        };
        try
        {
            return parser.Parse(text) ?? new BooleanQuery();
        }
#pragma warning disable CA1031 // ParseException, TooManyClauses and whatever else the parser throws: all mean "read it as plain words"
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
    }

    [GeneratedRegex(@"\b(AND|OR|NOT|TO)\b")]
    private static partial Regex Operators();
}
