using System.Net;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;

namespace Transparency.Integration.Tests.Portal;

/// <summary>Open data (CSV, JSON), the RSS feed, the sitemap and robots.txt; conditional GETs answer 304.</summary>
public abstract class OpenDataAndFeedTests<TSite>(TSite site) where TSite : PortalSite
{
    private static readonly string[] Columns =
    [
        "id", "url", "session", "year", "kind", "number", "title", "proposal_title", "representatives", "category", "unit", "part",
        "lead_units", "co_units", "assigned", "due", "sent", "outcome", "round", "published", "text",
    ];

    [Fact]
    public async Task CsvStartsWithABomHasTheDocumentedColumnsAndOneRowPerPublishedReply()
    {
        using var client = site.Factory.CreateSiteClient();
        var response = await client.GetAsync("/open-data/replies.csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);

        var rows = Csv(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
        Assert.Equal(Columns, rows[0]);
        var records = rows.Skip(1).Select(r => Columns.Zip(r).ToDictionary(p => p.First, p => p.Second)).ToList();
        Assert.All(records, r => Assert.Equal(Columns.Length, r.Count));
        var demo = records.Where(r => r["session"] == Replies.RepliesSite.DemoSession).ToList();
        Assert.Equal(PortalSite.DemoPublished, demo.Select(r => r["number"]).Order(StringComparer.Ordinal));
        Assert.All(demo, r =>
        {
            Assert.Equal("2020", r["year"]);
            Assert.Equal("建议", r["kind"]);
            Assert.Matches(@"^http://localhost/replies/\d+$", r["url"]);
            Assert.Matches("^[ABC]$", r["outcome"]);
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", r["sent"]);
            Assert.DoesNotContain("<", r["text"], StringComparison.Ordinal); // plain text
            Assert.NotEmpty(r["text"]);
        });
        Assert.Equal(2, demo.Count(r => r["text"].Contains("〔已删除：个人信息〕", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task JsonListsThePublishedRepliesWithTheSameFields()
    {
        using var client = site.Factory.CreateSiteClient();
        using var json = JsonDocument.Parse(await client.GetStringAsync("/open-data/replies.json"));
        var items = json.RootElement.EnumerateArray().ToList();
        var demo = items.Where(i => i.GetProperty("session").GetString() == Replies.RepliesSite.DemoSession).ToList();
        Assert.Equal(PortalSite.DemoPublished.Length, demo.Count);
        Assert.All(items, i => Assert.Equal(Columns, i.EnumerateObject().Select(p => p.Name)));
        Assert.All(demo, i => Assert.Equal(JsonValueKind.Array, i.GetProperty("representatives").ValueKind));
    }

    [Theory]
    [InlineData("/open-data/replies.csv")]
    [InlineData("/open-data/replies.json")]
    [InlineData("/feed.xml")]
    [InlineData("/sitemap.xml")]
    public async Task ConditionalRequestsAnswer304WhenNothingChanged(string url)
    {
        using var client = site.Factory.CreateSiteClient();
        var first = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var etag = first.Headers.ETag;
        var lastModified = first.Content.Headers.LastModified;
        Assert.NotNull(etag);
        Assert.NotNull(lastModified);

        var byTag = await PortalSite.GetWithAsync(client, url, r => r.Headers.IfNoneMatch.Add(etag));
        Assert.Equal(HttpStatusCode.NotModified, byTag.StatusCode);
        Assert.Empty(await byTag.Content.ReadAsByteArrayAsync());

        var byDate = await PortalSite.GetWithAsync(client, url, r => r.Headers.IfModifiedSince = lastModified);
        Assert.Equal(HttpStatusCode.NotModified, byDate.StatusCode);

        var stale = await PortalSite.GetWithAsync(client, url, r => r.Headers.IfNoneMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue("\"other\"")));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var older = await PortalSite.GetWithAsync(client, url, r => r.Headers.IfModifiedSince = lastModified!.Value.AddDays(-1));
        Assert.Equal(HttpStatusCode.OK, older.StatusCode);
    }

    [Fact]
    public async Task FeedIsWellFormedRssWithTheLatestReplies()
    {
        using var client = site.Factory.CreateSiteClient();
        var response = await client.GetAsync("/feed.xml");
        Assert.Equal("application/rss+xml", response.Content.Headers.ContentType?.MediaType);
        var rss = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("2.0", rss.Root!.Attribute("version")?.Value);
        var items = rss.Root.Element("channel")!.Elements("item").ToList();
        Assert.True(items.Count >= PortalSite.DemoPublished.Length + 1, $"{items.Count} items");
        Assert.All(items, i =>
        {
            Assert.Matches(@"^http://localhost/(replies|summaries)/\d+$", i.Element("link")!.Value);
            Assert.False(string.IsNullOrWhiteSpace(i.Element("title")!.Value));
            Assert.NotNull(i.Element("pubDate"));
        });
        Assert.Contains(items, i => i.Element("title")!.Value.StartsWith("建议第0027号", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SitemapListsTheListsEveryPublishedReplyAndSummary()
    {
        using var client = site.Factory.CreateSiteClient();
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var sitemap = XDocument.Parse(await client.GetStringAsync("/sitemap.xml"));
        var locations = sitemap.Root!.Elements(ns + "url").Select(u => u.Element(ns + "loc")!.Value).ToList();
        Assert.Contains("http://localhost/", locations);
        Assert.Contains("http://localhost/replies", locations);
        Assert.Contains("http://localhost/summaries", locations);
        Assert.Contains("http://localhost/statistics", locations);
        Assert.Contains(locations, l => l.StartsWith("http://localhost/summaries/", StringComparison.Ordinal));
        foreach (var number in PortalSite.DemoPublished)
        {
            Assert.Contains($"http://localhost/replies/{await PortalSite.DemoReplyIdAsync(client, number)}", locations);
        }

        using var all = JsonDocument.Parse(await client.GetStringAsync("/open-data/replies.json"));
        Assert.Equal(all.RootElement.GetArrayLength(), locations.Count(l => l.Contains("/replies/", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task RobotsAllowThePublicSiteKeepOutTheBackOfficeAndPointToTheSitemap()
    {
        using var client = site.Factory.CreateSiteClient();
        var response = await client.GetAsync("/robots.txt");
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.TrimEntries);
        Assert.Contains("User-agent: *", lines);
        Assert.Contains("Allow: /", lines);
        Assert.Contains("Disallow: /admin", lines);
        Assert.Contains("Disallow: /account", lines);
        Assert.Contains("Sitemap: http://localhost/sitemap.xml", lines);
    }

    [Fact]
    public async Task OpenDataPageDocumentsEveryColumn()
    {
        using var client = site.Factory.CreateSiteClient();
        var page = await PortalSite.PageAsync(client, "/open-data");
        var documented = page.QuerySelectorAll("table.columns-doc tbody th code").Select(c => c.TextContent).ToList();
        Assert.Equal(Columns, documented);
        Assert.NotNull(page.QuerySelector("a[href='/open-data/replies.csv']"));
        Assert.NotNull(page.QuerySelector("a[href='/open-data/replies.json']"));
    }

    /// <summary>RFC 4180: fields separated by commas, quoted when they hold commas, quotes or line breaks; records end with CRLF.</summary>
    private static List<string[]> Csv(string text)
    {
        var rows = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                fields.Add(field.ToString());
                field.Clear();
                rows.Add([.. fields]);
                fields.Clear();
                i++;
            }
            else
            {
                field.Append(c);
            }
        }

        Assert.Empty(fields); // the last record ends with CRLF
        return rows;
    }
}

[Collection(PortalSqliteCollection.Name)]
public sealed class OpenDataAndFeedTestsOnSqlite(PortalSqliteSite site) : OpenDataAndFeedTests<PortalSqliteSite>(site);

[Collection(PortalPostgreSqlCollection.Name)]
public sealed class OpenDataAndFeedTestsOnPostgreSql(PortalPostgreSqlSite site) : OpenDataAndFeedTests<PortalPostgreSqlSite>(site);
