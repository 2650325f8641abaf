using Transparency.Core.Proposals;
using Transparency.Core.Publishing;
using Transparency.Core.Search;
using Transparency.Core.Settings;
using Transparency.Portal.Services;

namespace Transparency.Portal.ViewModels;

public sealed record BadRequestModel(IReadOnlyDictionary<string, string[]> Errors);

public sealed record HomeModel(SiteSettings Settings, IReadOnlyList<PublishedReply> Latest, HandlingFigures? Figures);

/// <summary>The reply list (<c>/replies</c>) or the search over every type (<c>/search</c>).</summary>
/// <param name="Query">The checked query string.</param>
/// <param name="Path">The page's own path, for links.</param>
/// <param name="RepliesOnly">True on /replies (content type fixed to reply, no type facet).</param>
/// <param name="Results">What the search service found.</param>
/// <param name="Items">This page's hits that are still published, in result order.</param>
public sealed record SearchPageModel(PublicQuery Query, string Path, bool RepliesOnly, SearchResults Results, IReadOnlyList<ResultItem> Items)
{
    public int PageCount => Results.Total == 0 ? 1 : (int)Math.Min((Results.Total + (long)Query.PageSize - 1) / Query.PageSize, PublicQuery.MaxResultWindow / Query.PageSize);

    /// <summary>The filter fields shown beside the results.</summary>
    public IEnumerable<string> FacetFields => RepliesOnly ? SearchFields.Filters : [SearchFields.Type, .. SearchFields.Filters];

    /// <summary>The selected value of a field, if any.</summary>
    public string? Selected(string field) => field == SearchFields.Type ? Query.Type : Query.Filters.GetValueOrDefault(field);
}

/// <summary>A hit and, for a reply, the facts its line shows (a hit whose reply is no longer published is dropped).</summary>
public sealed record ResultItem(SearchHit Hit, ReplyListing? Reply);

/// <summary>
/// A reply's line in the result list, read from the hit's stored fields (<see cref="SearchDisplayFields"/> and the
/// filter fields) rather than from the database: what the published version said when it was indexed.
/// </summary>
public sealed record ReplyListing(
    string ProposalTitle,
    string KindName,
    string ProposalNumber,
    string SessionName,
    string? Category,
    string Unit,
    HandlingPart Part,
    DateOnly? SentOn,
    string? Outcome)
{
    public static ReplyListing From(SearchHit hit)
    {
        string? Field(string name) => hit.Fields.TryGetValue(name, out var value) && value.Length > 0 ? value : null;
        return new ReplyListing(
            Field(SearchDisplayFields.ProposalTitle) ?? "",
            Field(SearchFields.Kind) ?? "",
            Field(SearchDisplayFields.Number) ?? "",
            Field(SearchFields.Session) ?? "",
            Field(SearchFields.Category),
            Field(SearchDisplayFields.AnsweringUnit) ?? "",
            Enum.TryParse<HandlingPart>(Field(SearchDisplayFields.HandlingPart), out var part) ? part : HandlingPart.Lead,
            DateOnly.TryParseExact(Field(SearchDisplayFields.SentOn), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var sent) ? sent : null,
            Field(SearchFields.Outcome));
    }
}

public sealed record StatisticsModel(IReadOnlyList<HandlingFigures> Sessions, HandlingFigures? Selected);
