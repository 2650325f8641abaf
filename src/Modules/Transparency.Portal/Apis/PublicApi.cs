using System.ComponentModel;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Transparency.Core.Content;
using Transparency.Core.Publishing;
using Transparency.Core.Search;
using Transparency.Portal.Services;

namespace Transparency.Portal.Apis;

/// <summary>
/// The read-only JSON API (<c>/api/v1</c>): published replies (searched and filtered like the public list), summaries and
/// statistics. Anonymous, GET only, output-cached like the pages; bad parameters answer 400 application/problem+json
/// whose <c>errors</c> name them. Described at <c>/api/openapi/v1.json</c>.
/// </summary>
public static class PublicApi
{
    public static IEndpointRouteBuilder MapPublicApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1").AllowAnonymous().WithTags("公开数据 Public data");

        api.MapGet("/replies", ListRepliesAsync)
            .WithName("ListReplies")
            .WithSummary("Published replies, searched and filtered")
            .WithDescription("Full-text search (Chinese word segmentation) over published replies with the public list's filters; newest first without q.")
            .CacheOutput(PublicCache.For(PublicCache.RepliesTag));
        api.MapGet("/replies/{id:int}", GetReplyAsync)
            .WithName("GetReply")
            .WithSummary("One published reply with its public text and attachments")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .CacheOutput(PublicCache.For(PublicCache.RepliesTag));
        api.MapGet("/summaries", ListSummariesAsync)
            .WithName("ListSummaries")
            .WithSummary("Published handling summaries, newest year first")
            .CacheOutput(PublicCache.For(PublicCache.SummariesTag));
        api.MapGet("/summaries/{id:int}", GetSummaryAsync)
            .WithName("GetSummary")
            .WithSummary("One published handling summary with its public text")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .CacheOutput(PublicCache.For(PublicCache.SummariesTag));
        api.MapGet("/statistics", GetStatisticsAsync)
            .WithName("GetStatistics")
            .WithSummary("Handling figures per session: counts, rates, outcome mix, categories and units")
            .CacheOutput(PublicCache.ForFigures());
        return endpoints;
    }

    public static async Task<Results<Ok<ReplyPage>, ValidationProblem>> ListRepliesAsync(
        [AsParameters] ReplyFilters filters, HttpContext context, [FromServices] ISearchService search, [FromServices] IPublishedContent content, [FromServices] IHtmlSanitizer html, [FromServices] QueryMessages messages)
    {
        _ = filters; // bound for the OpenAPI description; the query string is read and checked as a whole below
        var query = PublicQuery.Parse(context.Request.Query, messages, out var errors);
        if (query.Type is not null)
        {
            errors[SearchFields.Type] = [messages.OneOf(SearchFields.Type, [PublicContentTypes.Reply])];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "One or more query parameters are invalid.");
        }

        var cancellationToken = context.RequestAborted;
        var results = await search.SearchAsync(query.ToSearchQuery(PublicContentTypes.Reply, withFacets: false), cancellationToken);
        var ids = results.Hits
            .Select(h => int.TryParse(h.ContentId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : (int?)null)
            .OfType<int>()
            .ToList();
        var replies = (await content.FindRepliesAsync(ids, cancellationToken)).ToDictionary(r => r.Id);
        var origin = Origin(context);
        var items = ids.Where(replies.ContainsKey).Select(id => ReplyRecord.From(replies[id], origin, html)).ToList();
        return TypedResults.Ok(new ReplyPage(results.Total, query.Page, query.PageSize, results.ParsedAsPlainText, items));
    }

    public static async Task<Results<Ok<ReplyRecord>, ProblemHttpResult>> GetReplyAsync(
        [Description("The reply's id, as in /replies/{id}.")] int id, HttpContext context, [FromServices] IPublishedContent content, [FromServices] IHtmlSanitizer html)
    {
        PublicCache.Tag(context, PublicCache.ReplyTag(id));
        if (await content.FindReplyAsync(id, context.RequestAborted) is not { } reply)
        {
            return NotFound($"No published reply {id}.");
        }

        var origin = Origin(context);
        return TypedResults.Ok(ReplyRecord.From(reply, origin, html) with
        {
            Html = reply.PublicHtml,
            Attachments = reply.Attachments.Select(a => new AttachmentRecord(a.FileName, a.ContentType, a.Size, origin + a.Url)).ToList(),
        });
    }

    public static async Task<Ok<IReadOnlyList<SummaryRecord>>> ListSummariesAsync(HttpContext context, [FromServices] IPublishedContent content)
    {
        var origin = Origin(context);
        var summaries = await content.SummariesAsync(context.RequestAborted);
        return TypedResults.Ok<IReadOnlyList<SummaryRecord>>(summaries.Select(s => SummaryRecord.From(s, origin, html: null)).ToList());
    }

    public static async Task<Results<Ok<SummaryRecord>, ProblemHttpResult>> GetSummaryAsync(
        [Description("The summary's id, as in /summaries/{id}.")] int id, HttpContext context, [FromServices] IPublishedContent content)
    {
        PublicCache.Tag(context, PublicCache.SummaryTag(id.ToString(CultureInfo.InvariantCulture)));
        return await content.FindSummaryAsync(id, context.RequestAborted) is { } summary
            ? TypedResults.Ok(SummaryRecord.From(summary, Origin(context), summary.PublicHtml))
            : NotFound($"No published summary {id}.");
    }

    public static async Task<Ok<IReadOnlyList<SessionFigures>>> GetStatisticsAsync(HttpContext context, [FromServices] PublicFigures figures)
        => TypedResults.Ok<IReadOnlyList<SessionFigures>>((await figures.AllAsync(context.RequestAborted)).Select(SessionFigures.From).ToList());

    private static ProblemHttpResult NotFound(string detail)
        => TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    private static string Origin(HttpContext context) => $"{context.Request.Scheme}://{context.Request.Host}";
}
