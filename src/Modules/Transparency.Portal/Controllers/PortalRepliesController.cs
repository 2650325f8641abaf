using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using Transparency.Core.Publishing;
using Transparency.Core.Search;
using Transparency.Portal.Services;
using Transparency.Portal.ViewModels;

namespace Transparency.Portal.Controllers;

/// <summary>The reply list with its filters (<c>/replies</c>), the search over everything (<c>/search</c>), the reply page.</summary>
[AllowAnonymous]
public sealed class PortalRepliesController(ISearchService search, IPublishedContent content) : PortalController
{
    [HttpGet("/replies")]
    [OutputCache(PolicyName = PublicCache.Policy, Tags = [PublicCache.RepliesTag])]
    public Task<IActionResult> Index() => SearchAsync("/replies", repliesOnly: true);

    [HttpGet("/search")]
    [OutputCache(PolicyName = PublicCache.Policy, Tags = [PublicCache.RepliesTag, PublicCache.SummariesTag, PublicCache.PagesTag])]
    public Task<IActionResult> Search() => SearchAsync("/search", repliesOnly: false);

    [HttpGet("/replies/{id:int}")]
    [OutputCache(PolicyName = PublicCache.Policy)]
    public async Task<IActionResult> Show(int id)
    {
        PublicCache.Tag(HttpContext, PublicCache.ReplyTag(id));
        var reply = await content.FindReplyAsync(id, HttpContext.RequestAborted);
        if (reply is null)
        {
            return NotFoundPage();
        }

        ViewData[ReplyTimeline.ViewDataKey] = await HttpContext.RequestServices.GetRequiredService<ReplyTimeline>().ForAsync(reply, HttpContext.RequestAborted);
        return View(reply);
    }

    private async Task<IActionResult> SearchAsync(string path, bool repliesOnly)
    {
        if (ParseQuery(out var refusal) is not { } query)
        {
            return refusal!;
        }

        if (repliesOnly && query.Type is not null)
        {
            return BadRequestPage(new Dictionary<string, string[]>
            {
                [SearchFields.Type] = [HttpContext.RequestServices.GetRequiredService<QueryMessages>().OneOf(SearchFields.Type, [PublicContentTypes.Reply])],
            });
        }

        var cancellationToken = HttpContext.RequestAborted;
        var results = await search.SearchAsync(query.ToSearchQuery(repliesOnly ? PublicContentTypes.Reply : null, withFacets: true), cancellationToken);
        if (!repliesOnly && query.Type is not null)
        {
            results = results with { Facets = new Dictionary<string, IReadOnlyList<FacetValue>>(results.Facets) { [SearchFields.Type] = await TypeCountsAsync(query, cancellationToken) } };
        }

        // Each line shows the facts stored with the hit; IPublishedContent says which replies are public now, so a hit the
        // index still holds for a moment after an unpublish is left out.
        var replyIds = results.Hits.Where(h => h.ContentType == PublicContentTypes.Reply).Select(h => ParseId(h.ContentId)).OfType<int>().ToList();
        var published = replyIds.Count == 0 ? new HashSet<int>() : await content.PublishedReplyIdsAsync(replyIds, cancellationToken);
        var items = new List<ResultItem>();
        foreach (var hit in results.Hits)
        {
            if (hit.ContentType == PublicContentTypes.Summary)
            {
                if (ParseId(hit.ContentId) is { } summaryId && await content.FindSummaryAsync(summaryId, cancellationToken) is not null)
                {
                    items.Add(new ResultItem(hit, null));
                }
            }
            else if (hit.ContentType != PublicContentTypes.Reply)
            {
                items.Add(new ResultItem(hit, null));
            }
            else if (ParseId(hit.ContentId) is { } id && published.Contains(id))
            {
                items.Add(new ResultItem(hit, ReplyListing.From(hit)));
            }
        }

        return View("Index", new SearchPageModel(query, path, repliesOnly, results, items));
    }

    /// <summary>
    /// With a type selected, how many matches each content type has for the same words and filters (so the other types
    /// stay one click away): one more search without the type, for its type facet. Without a type selected, the page's
    /// own search has already counted them.
    /// </summary>
    private async Task<IReadOnlyList<FacetValue>> TypeCountsAsync(PublicQuery query, CancellationToken cancellationToken)
        => (await search.SearchAsync(query.ToSearchQuery(null, withFacets: true) with { ContentType = null, Page = 1, PageSize = 1 }, cancellationToken))
            .Facets.GetValueOrDefault(SearchFields.Type) ?? [];

    private static int? ParseId(string value)
        => int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;
}
