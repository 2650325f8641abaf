using System.Globalization;
using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Transparency.Core.Content;
using Transparency.Core.Publishing;
using Transparency.Core.Settings;
using Transparency.Portal.Services;

namespace Transparency.Portal.Controllers;

/// <summary>The RSS 2.0 feed, the sitemap and robots.txt: published content only, read through IPublishedContent.</summary>
[AllowAnonymous]
public sealed class PortalFeedsController(IPublishedContent content, ISiteSettingsStore settings, IHtmlSanitizer html, InfoPages pages) : Controller
{
    public const int FeedSize = 50;
    private const int ExcerptLength = 200;
    private const int MaxSitemapUrls = 50_000;

    [HttpGet("/feed.xml")]
    [OutputCache(PolicyName = PublicCache.Policy, Tags = [PublicCache.RepliesTag, PublicCache.SummariesTag])]
    public async Task Feed()
    {
        var cancellationToken = HttpContext.RequestAborted;
        if (ConditionalGet.IsNotModified(HttpContext, await content.LastChangedUtcAsync(cancellationToken), "feed"))
        {
            Response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        var site = await settings.GetAsync(cancellationToken);
        var origin = Origin();
        var items = (await content.LatestRepliesAsync(FeedSize, cancellationToken))
            .Select(r => Item(origin + r.Url, $"{r.KindName}第{r.ProposalNumber}号：{r.Title}", r.PublicHtml, r.PublishedUtc, r.Category))
            .Concat((await content.SummariesAsync(cancellationToken))
                .Select(s => Item(origin + s.Url, s.Title, s.PublicHtml, s.PublishedUtc, "办理工作总结")))
            .OrderByDescending(i => i.PublishDate)
            .Take(FeedSize)
            .ToList();
        var feed = new SyndicationFeed(site.SiteName, $"{site.SiteName}：最新公开的建议提案办理复文和办理工作总结", new Uri(origin + "/"), items)
        {
            Language = "zh-CN",
            LastUpdatedTime = items.Count > 0 ? items[0].PublishDate : DateTimeOffset.UnixEpoch,
        };
        if (!string.IsNullOrEmpty(site.Organization))
        {
            feed.Copyright = new TextSyndicationContent(site.Organization);
        }

        // The formatter writes synchronously; the server allows only asynchronous writes to the response, so buffer (≤ 50 items).
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            new Rss20FeedFormatter(feed, serializeExtensionsAsAtom: false).WriteTo(writer);
        }

        Response.ContentType = "application/rss+xml; charset=utf-8";
        buffer.Position = 0;
        await buffer.CopyToAsync(Response.Body, cancellationToken);
    }

    [HttpGet("/sitemap.xml")]
    [OutputCache(PolicyName = PublicCache.Policy, Tags = [PublicCache.RepliesTag, PublicCache.SummariesTag, PublicCache.PagesTag])]
    public async Task Sitemap()
    {
        var cancellationToken = HttpContext.RequestAborted;
        if (ConditionalGet.IsNotModified(HttpContext, await content.LastChangedUtcAsync(cancellationToken), "sitemap"))
        {
            Response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        const string ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var origin = Origin();
        Response.ContentType = "application/xml; charset=utf-8";
        await using var writer = XmlWriter.Create(Response.Body, new XmlWriterSettings { Async = true, Encoding = new UTF8Encoding(false), Indent = true });
        await writer.WriteStartDocumentAsync();
        await writer.WriteStartElementAsync(null, "urlset", ns);
        foreach (var path in new[] { "/", "/replies", "/summaries", "/statistics", "/open-data" })
        {
            await UrlAsync(writer, origin + path, null);
        }

        foreach (var page in await pages.AllAsync(cancellationToken))
        {
            await UrlAsync(writer, origin + page.Url, page.UpdatedUtc);
        }

        var summaries = await content.SummariesAsync(cancellationToken);
        foreach (var summary in summaries)
        {
            await UrlAsync(writer, origin + summary.Url, summary.PublishedUtc);
        }

        // One sitemap file holds at most 50 000 addresses (sitemaps.org); past that a sitemap index would be needed.
        var count = 5 + InfoPagesDocument.Defaults.Count + summaries.Count;
        await foreach (var reply in content.AllRepliesAsync(cancellationToken))
        {
            if (++count > MaxSitemapUrls)
            {
                break;
            }

            await UrlAsync(writer, origin + reply.Url, reply.PublishedUtc);
        }

        await writer.WriteEndElementAsync();
        await writer.WriteEndDocumentAsync();
        await writer.FlushAsync();

        static async Task UrlAsync(XmlWriter writer, string location, DateTime? modifiedUtc)
        {
            await writer.WriteStartElementAsync(null, "url", ns);
            await writer.WriteElementStringAsync(null, "loc", ns, location);
            if (modifiedUtc is { } modified)
            {
                await writer.WriteElementStringAsync(null, "lastmod", ns, modified.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            }

            await writer.WriteEndElementAsync();
        }
    }

    [HttpGet("/robots.txt")]
    [OutputCache(PolicyName = PublicCache.Policy)]
    public ContentResult Robots() => Content(
        $"User-agent: *\nAllow: /\nDisallow: /admin\nDisallow: /account\n\nSitemap: {Origin()}/sitemap.xml\n",
        "text/plain; charset=utf-8");

    private string Origin() => $"{Request.Scheme}://{Request.Host}";

    private SyndicationItem Item(string url, string title, string publicHtml, DateTime publishedUtc, string? category)
    {
        var text = html.ToPlainText(publicHtml);
        var item = new SyndicationItem(
            title,
            text.Length > ExcerptLength ? string.Concat(text.AsSpan(0, ExcerptLength), "……") : text,
            new Uri(url),
            url,
            new DateTimeOffset(DateTime.SpecifyKind(publishedUtc, DateTimeKind.Utc)))
        {
            PublishDate = new DateTimeOffset(DateTime.SpecifyKind(publishedUtc, DateTimeKind.Utc)),
        };
        if (!string.IsNullOrEmpty(category))
        {
            item.Categories.Add(new SyndicationCategory(category));
        }

        return item;
    }
}
