using Transparency.Core.Search;
using Transparency.Integration.Tests.Replies;
using static Transparency.Integration.Tests.Search.SearchSteps;

namespace Transparency.Integration.Tests.Search;

/// <summary>
/// The search service over real replies of the demo site: publishing reaches the index within 2 s, unpublishing and
/// withholding remove, synonyms, text the parser cannot read, filters and facets, highlighting, paging and sorting.
/// </summary>
public abstract class SearchServiceTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : RepliesSite
{
    [Fact]
    public async Task ThePublishedDemoRepliesAreInTheIndexAfterStart()
    {
        await CatchUpAsync(site.Factory);
        var all = await SearchAsync(site.Factory, Query(null));
        Assert.True(all.Total >= 7, $"{all.Total} replies in the index");
        Assert.All(all.Hits, h => Assert.StartsWith("/replies/", h.Url, StringComparison.Ordinal));
        Assert.False(all.ParsedAsPlainText);
    }

    [Fact]
    public async Task APublishedReplyIsFoundWithinTwoSecondsAndGoesWhenUnpublished()
    {
        var replyId = await PublishedReplyAsync(site, "关于searchmarkerpublish社区健身步道的建议", "<p>关于searchmarkerpublish：健身步道已列入年度计划。</p>");
        var query = Query("searchmarkerpublish");
        var took = await WaitForAsync(site.Factory, query, r => Has(r, replyId), PublishingNodeLimit, "the published reply was not found");
        Assert.True(took <= PublishingNodeLimit, $"found after {took}");

        await WithdrawAsync(site, replyId);
        await WaitForAsync(site.Factory, query, r => r.Total == 0, PublishingNodeLimit, "the unpublished reply was still found");
    }

    [Fact]
    public async Task AWithheldReplyIsNeverFound()
    {
        var (_, replyId) = await SentReplyAsync(site, "关于searchmarkerwithheld的建议", "<p>searchmarkerwithheld 答复正文。</p>");
        await WithdrawAsync(site, replyId);
        await CatchUpAsync(site.Factory);
        Assert.Equal(0, (await SearchAsync(site.Factory, "searchmarkerwithheld")).Total);
    }

    [Fact]
    public async Task ASynonymFindsAReplyThatOnlyUsesAnotherWordOfItsGroup()
    {
        var replyId = await PublishedReplyAsync(site, "关于规范searchmarkersynonym路段秩序的建议",
            "<p>我局将对该路段的占道经营行为开展集中整治，searchmarkersynonym。</p>");
        await CatchUpAsync(site.Factory);

        var results = await SearchAsync(site.Factory, "流动摊贩");
        Assert.True(Has(results, replyId), "流动摊贩 did not find the reply that says 占道经营");
        Assert.Contains(results.Hits, h => h.Snippet.Contains("<mark>占道经营</mark>", StringComparison.Ordinal));
        Assert.True(Has(await SearchAsync(site.Factory, "马路市场 searchmarkersynonym"), replyId), "the synonym did not combine with another word");
        Assert.False(Has(await SearchAsync(site.Factory, "\"流动摊贩\""), replyId), "a quoted phrase is searched as typed, without synonyms");
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("AND")]
    [InlineData("((")]
    [InlineData("title:")]
    [InlineData("*")]
    [InlineData("?~")]
    [InlineData("垃圾 AND")]
    [InlineData("OR OR 路灯")]
    [InlineData("[1 TO")]
    [InlineData("\\")]
    [InlineData("!!!")]
    [InlineData("title:(垃圾")]
    public async Task TextTheParserCannotReadIsSearchedAsPlainWords(string text)
    {
        var results = await SearchAsync(site.Factory, text);
        Assert.True(results.ParsedAsPlainText, $"'{text}' was parsed as a query");
        Assert.True(results.Total >= 0);
    }

    [Fact]
    public async Task AnUnreadableQueryStillFindsItsWords()
    {
        var replyId = await PublishedReplyAsync(site, "关于searchmarkerplain照明设施的建议", "<p>searchmarkerplain 照明设施已修复。</p>");
        await CatchUpAsync(site.Factory);
        var results = await SearchAsync(site.Factory, "searchmarkerplain AND (");
        Assert.True(results.ParsedAsPlainText);
        Assert.True(Has(results, replyId));
    }

    [Fact]
    public async Task TheSnippetIsEncodedHtmlWithTheMatchesMarked()
    {
        var replyId = await PublishedReplyAsync(site, "关于searchmarkersnippet的建议",
            "<p>前文。&lt;b&gt;粗体&lt;/b&gt; searchmarkersnippet 已经办理。</p>");
        await CatchUpAsync(site.Factory);
        var hit = Assert.Single((await SearchAsync(site.Factory, "searchmarkersnippet")).Hits);
        Assert.Equal(replyId.ToString(System.Globalization.CultureInfo.InvariantCulture), hit.ContentId);
        Assert.Contains("<mark>searchmarkersnippet</mark>", hit.Snippet, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;", hit.Snippet, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", hit.Snippet, StringComparison.Ordinal);
        if (hit.Title.Contains("searchmarkersnippet", StringComparison.Ordinal))
        {
            Assert.Contains("<mark>searchmarkersnippet</mark>", hit.Title, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task FiltersAreExactAndFacetsCountEveryMatch()
    {
        await CatchUpAsync(site.Factory);
        var all = await SearchAsync(site.Factory, Query(null));
        foreach (var field in SearchFields.Filters)
        {
            Assert.True(all.Facets.ContainsKey(field), $"no facet {field}");
        }

        var outcomes = all.Facets[SearchFields.Outcome];
        Assert.NotEmpty(outcomes);
        foreach (var outcome in outcomes)
        {
            var filtered = await SearchAsync(site.Factory, Query(null, (SearchFields.Outcome, outcome.Value)) with { PageSize = 100 });
            Assert.Equal(outcome.Count, filtered.Total);
            Assert.All(filtered.Hits, h => Assert.Equal(outcome.Value, h.Fields[SearchFields.Outcome]));
            Assert.Equal(outcome.Count, Assert.Single(filtered.Facets[SearchFields.Outcome]).Count);
        }

        var session = all.Facets[SearchFields.Session].First(s => s.Value == RepliesSite.DemoSession);
        Assert.Equal(session.Count, (await SearchAsync(site.Factory, Query(null, (SearchFields.Session, RepliesSite.DemoSession)))).Total);
        Assert.Equal(0, (await SearchAsync(site.Factory, Query(null, (SearchFields.Outcome, "Z")))).Total);
        Assert.Equal(0, (await SearchAsync(site.Factory, Query(null, (SearchFields.Session, RepliesSite.DemoSession[..3])))).Total);

        // Several units per reply: each counts once per reply, and a filter on one finds every reply that names it.
        var unit = all.Facets[SearchFields.Unit][0];
        Assert.Equal(unit.Count, (await SearchAsync(site.Factory, Query(null, (SearchFields.Unit, unit.Value)))).Total);

        // An unknown filter field is ignored, not an error.
        Assert.Equal(all.Total, (await SearchAsync(site.Factory, Query(null, ("nosuchfield", "x")))).Total);
    }

    [Fact]
    public async Task EmptyTextMatchesEverythingNewestFirstAndPagesAreClamped()
    {
        await CatchUpAsync(site.Factory);
        var all = await SearchAsync(site.Factory, Query(null) with { PageSize = 100 });
        Assert.Equal(all.Hits.OrderByDescending(h => h.Date).Select(h => h.Date), all.Hits.Select(h => h.Date));
        Assert.Equal(Math.Min(all.Total, 100), all.Hits.Count);

        var first = await SearchAsync(site.Factory, Query(null) with { PageSize = 2, Page = 1 });
        var second = await SearchAsync(site.Factory, Query(null) with { PageSize = 2, Page = 2 });
        Assert.Equal(all.Hits.Take(4).Select(h => h.ContentId), first.Hits.Concat(second.Hits).Select(h => h.ContentId));

        var beyond = await SearchAsync(site.Factory, Query(null) with { PageSize = 20, Page = 9_999 });
        Assert.Empty(beyond.Hits);
        Assert.Equal(all.Total, beyond.Total);

        Assert.Single((await SearchAsync(site.Factory, Query(null) with { PageSize = 0, Page = -3 })).Hits);
        Assert.True((await SearchAsync(site.Factory, Query(null) with { PageSize = 5_000 })).Hits.Count <= 100);
        Assert.Empty((await SearchAsync(site.Factory, Query(null) with { Page = int.MaxValue, PageSize = 100 })).Hits);
    }

    [Fact]
    public async Task SortingByDatePutsTheNewestFirstAlsoForATextQuery()
    {
        await CatchUpAsync(site.Factory);
        var results = await SearchAsync(site.Factory, Query("答复") with { Sort = SearchSort.Date, PageSize = 100 });
        Assert.Equal(results.Hits.OrderByDescending(h => h.Date).Select(h => h.Date), results.Hits.Select(h => h.Date));
    }

    [Fact]
    public async Task SummariesAreSearchableByType()
    {
        await CatchUpAsync(site.Factory);
        var summaries = await SearchAsync(site.Factory, new SearchQuery(null, new Dictionary<string, string>()) { ContentType = PublicContentTypes.Summary });
        Assert.All(summaries.Hits, h => Assert.Equal(PublicContentTypes.Summary, h.ContentType));
        Assert.True(summaries.Total >= 1, "the demo's published 2020 summary is not in the index");
    }
}

public sealed class SearchServiceTestsOnSqlite(SearchSqliteSite site) : SearchServiceTests<SearchSqliteSite>(site);

public sealed class SearchServiceTestsOnPostgreSql(SearchPostgreSqlSite site) : SearchServiceTests<SearchPostgreSqlSite>(site);
