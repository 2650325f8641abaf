using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Transparency.Core.Content;
using Transparency.Core.Publishing;
using Transparency.Portal.Services;

namespace Transparency.Portal.Controllers;

/// <summary>开放数据: the page documenting the columns, and every published reply as CSV and JSON (streamed).</summary>
[AllowAnonymous]
public sealed class PortalOpenDataController(IPublishedContent content, IHtmlSanitizer html) : PortalController
{
    [HttpGet("/open-data")]
    [OutputCache(PolicyName = PublicCache.Policy, Tags = [PublicCache.RepliesTag])]
    public IActionResult Index() => View();

    [HttpGet("/open-data/replies.csv")]
    [OutputCache(PolicyName = PublicCache.Policy, Tags = [PublicCache.RepliesTag])]
    public Task Csv() => WriteAsync("csv", "text/csv; charset=utf-8", OpenDataWriter.WriteCsvAsync);

    [HttpGet("/open-data/replies.json")]
    [OutputCache(PolicyName = PublicCache.Policy, Tags = [PublicCache.RepliesTag])]
    public Task Json() => WriteAsync("json", "application/json; charset=utf-8", OpenDataWriter.WriteJsonAsync);

    private async Task WriteAsync(string extension, string contentType, Func<Stream, IAsyncEnumerable<ReplyRecord>, CancellationToken, Task> write)
    {
        var cancellationToken = HttpContext.RequestAborted;
        if (ConditionalGet.IsNotModified(HttpContext, await content.LastChangedUtcAsync(cancellationToken), "replies-" + extension))
        {
            Response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        Response.ContentType = contentType;
        Response.Headers.ContentDisposition = $"inline; filename=\"replies.{extension}\"";
        await write(Response.Body, Records(cancellationToken), cancellationToken);
    }

    private async IAsyncEnumerable<ReplyRecord> Records([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var origin = $"{Request.Scheme}://{Request.Host}";
        await foreach (var reply in content.AllRepliesAsync(cancellationToken))
        {
            yield return ReplyRecord.From(reply, origin, html);
        }
    }
}
