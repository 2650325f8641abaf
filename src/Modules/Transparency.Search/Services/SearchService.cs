using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Transparency.Core.Search;
using Transparency.Core.Settings;

namespace Transparency.Search.Services;

/// <summary><see cref="ISearchService"/> over this node's index (only published content is ever in it).</summary>
public sealed class SearchService(SearchIndex index, SynonymCache synonyms, ParsedQueryCache parsed, FilterCache filters, ISettingsDocumentStore settings) : ISearchService
{
    public const int MaxPageSize = 100;

    /// <summary>Deeper pages are answered as empty: collecting them would cost more than anyone reads.</summary>
    public const int MaxDepth = 10_000;

    /// <summary>Stored fields handed back with each hit for display.</summary>
    private static readonly string[] DisplayFields = [IndexFields.Number, .. SearchFields.Filters, .. SearchDisplayFields.All];

    private static readonly IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> NoFacets = new Dictionary<string, IReadOnlyList<FacetValue>>();

    public async Task<SearchResults> SearchAsync(SearchQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var groups = await synonyms.GetAsync(settings, cancellationToken);
        var (text, plain) = parsed.Get(query.Text, groups, () => SearchQueryBuilder.Build(query.Text, groups, index.Analyzer));
        try
        {
            return Run(query, text, plain);
        }
        catch (BooleanQuery.TooManyClausesException) when (!plain)
        {
            // e.g. a prefix that expands to too many words: search the words as typed instead
            var (fallback, _) = SearchQueryBuilder.Build(Lucene.Net.QueryParsers.Classic.QueryParserBase.Escape(query.Text ?? ""), groups, index.Analyzer);
            return Run(query, fallback, plainText: true);
        }
    }

    private SearchResults Run(SearchQuery query, Query? text, bool plainText)
    {
        var pageSize = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var page = Math.Max(1, query.Page);
        var skip = (long)(page - 1) * pageSize;
        var sort = Sorting(query.Sort, text is not null);
        var filter = Filter(query);
        return index.Read(searcher =>
        {
            var depth = (int)Math.Min(Math.Min(skip + pageSize, MaxDepth), Math.Max(1, searcher.IndexReader.MaxDoc));
            var top = TopFieldCollector.Create(sort, depth, fillFields: false, trackDocScores: text is not null, trackMaxScore: false, docsScoredInOrder: false);
            var facets = query.WithFacets ? new FacetCollector(IndexFields.Exact) : null;
            searcher.Search(text ?? new MatchAllDocsQuery(), filter, facets is null ? top : MultiCollector.Wrap(top, facets));
            var total = top.TotalHits;
            var snippets = new Snippets(text);
            var hits = skip >= total || skip + pageSize > MaxDepth
                ? []
                : top.GetTopDocs((int)skip, pageSize).ScoreDocs.Select(d => Hit(searcher, d.Doc, snippets)).ToList();
            return new SearchResults(total, hits, facets?.Result() ?? NoFacets, plainText);
        }, new SearchResults(0, [], NoFacets, plainText));
    }

    private static Sort Sorting(SearchSort sort, bool hasText)
    {
        var newest = new SortField(IndexFields.Date, SortFieldType.INT64, reverse: true);
        var key = new SortField(IndexFields.Key, SortFieldType.STRING);
        return sort == SearchSort.Relevance && hasText
            ? new Sort(SortField.FIELD_SCORE, newest, key)
            : new Sort(newest, key);
    }

    /// <summary>Every filter as an exact term; unknown fields and empty values are ignored.</summary>
    private Filter? Filter(SearchQuery query)
    {
        var terms = (query.Filters ?? new Dictionary<string, string>())
            .Where(f => IndexFields.Exact.Contains(f.Key) && !string.IsNullOrWhiteSpace(f.Value))
            .Select(f => new Term(f.Key, f.Value.Trim()))
            .ToList();
        if (!string.IsNullOrWhiteSpace(query.ContentType))
        {
            terms.Add(new Term(SearchFields.Type, query.ContentType));
        }

        return filters.For(terms);
    }

    private static SearchHit Hit(IndexSearcher searcher, int docId, Snippets snippets)
    {
        var doc = searcher.Doc(docId);
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in DisplayFields)
        {
            var values = doc.GetValues(name, CultureInfo.InvariantCulture);
            if (values is { Length: > 0 })
            {
                fields[name] = string.Join("、", values);
            }
        }

        var date = DateOnly.TryParseExact(doc.Get(IndexFields.DateText, CultureInfo.InvariantCulture), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : default;
        return new SearchHit(
            doc.Get(SearchFields.Type, CultureInfo.InvariantCulture) ?? "",
            doc.Get(IndexFields.Id, CultureInfo.InvariantCulture) ?? "",
            doc.Get(IndexFields.Url, CultureInfo.InvariantCulture) ?? "",
            snippets.Title(doc.Get(IndexFields.Title, CultureInfo.InvariantCulture) ?? ""),
            snippets.Snippet(doc.Get(IndexFields.Body, CultureInfo.InvariantCulture) ?? ""),
            date,
            fields);
    }
}
