namespace Transparency.Core.Search;

/// <summary>
/// Full-text search over published content, with filters, facet counts and highlighted snippets. A query the parser
/// cannot read is searched as plain words; nothing here throws for user input.
/// </summary>
public interface ISearchService
{
    /// <summary>Runs <paramref name="query"/> against this node's index.</summary>
    Task<SearchResults> SearchAsync(SearchQuery query, CancellationToken cancellationToken = default);
}

/// <summary>How results are ordered.</summary>
public enum SearchSort
{
    /// <summary>By relevance when there is a text query, by date otherwise.</summary>
    Relevance,

    /// <summary>Newest first.</summary>
    Date,
}

/// <summary>Facet and filter field names, as used in query strings, the API and <see cref="SearchResults.Facets"/>.</summary>
public static class SearchFields
{
    /// <summary>Content type (reply, summary, page).</summary>
    public const string Type = "type";

    /// <summary>Year.</summary>
    public const string Year = "year";

    /// <summary>Session name.</summary>
    public const string Session = "session";

    /// <summary>建议/提案.</summary>
    public const string Kind = "kind";

    /// <summary>Category.</summary>
    public const string Category = "category";

    /// <summary>Unit.</summary>
    public const string Unit = "unit";

    /// <summary>Outcome A/B/C.</summary>
    public const string Outcome = "outcome";

    /// <summary>主办/协办.</summary>
    public const string Part = "part";

    /// <summary>All filterable fields, in the order the public pages show them.</summary>
    public static readonly IReadOnlyList<string> Filters = [Year, Session, Kind, Category, Unit, Outcome, Part];
}

/// <summary>A search request.</summary>
/// <param name="Text">The words typed (may be empty: then everything matching the filters, newest first).</param>
/// <param name="Filters">Field (one of <see cref="SearchFields"/>) → the value it must have.</param>
/// <param name="Sort">Relevance or date.</param>
/// <param name="Page">1-based page number.</param>
/// <param name="PageSize">Results per page (1–100).</param>
public sealed record SearchQuery(
    string? Text,
    IReadOnlyDictionary<string, string> Filters,
    SearchSort Sort = SearchSort.Relevance,
    int Page = 1,
    int PageSize = 20)
{
    /// <summary>Restrict to one content type (null = all).</summary>
    public string? ContentType { get; init; }

    /// <summary>Whether to compute facet counts (the public list does; the API and feeds need not).</summary>
    public bool WithFacets { get; init; } = true;
}

/// <summary>The answer to a <see cref="SearchQuery"/>.</summary>
/// <param name="Total">Matching documents in all.</param>
/// <param name="Hits">This page's hits.</param>
/// <param name="Facets">Field (<see cref="SearchFields.Type"/> and each of <see cref="SearchFields.Filters"/>) → values with their counts among all matches, most frequent first.</param>
/// <param name="ParsedAsPlainText">True when the text could not be parsed as a query and was searched as plain words.</param>
public sealed record SearchResults(
    int Total,
    IReadOnlyList<SearchHit> Hits,
    IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Facets,
    bool ParsedAsPlainText);

/// <summary>One result.</summary>
/// <param name="ContentType">One of <see cref="PublicContentTypes"/>.</param>
/// <param name="ContentId">Id within the type.</param>
/// <param name="Url">Public address.</param>
/// <param name="Title">Title, HTML-encoded with matches wrapped in &lt;mark&gt;.</param>
/// <param name="Snippet">Best fragment of the text, HTML-encoded with matches wrapped in &lt;mark&gt;.</param>
/// <param name="Date">The document's date.</param>
/// <param name="Fields">Stored filter fields (number, session, category, unit, outcome, …) for display.</param>
public sealed record SearchHit(
    string ContentType,
    string ContentId,
    string Url,
    string Title,
    string Snippet,
    DateOnly Date,
    IReadOnlyDictionary<string, string> Fields);

/// <summary>A facet value and how many matches have it.</summary>
/// <param name="Value">The value.</param>
/// <param name="Count">Matches.</param>
public sealed record FacetValue(string Value, int Count);
