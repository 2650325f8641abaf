using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Transparency.Proposals.Models;
using Transparency.Replies.Models;
using Transparency.Integration.Tests.Replies;

namespace Transparency.Integration.Tests.Portal;

/// <summary>The public pages on the demo data, anonymous, in Chinese by default and in English on request.</summary>
public abstract class PublicPagesTests<TSite>(TSite site) where TSite : PortalSite
{
    private static readonly string DemoSessionQuery = Uri.EscapeDataString(RepliesSite.DemoSession);

    [Fact]
    public async Task HomeShowsTheLatestRepliesTheKeyFiguresOfTheNewestSessionAndALabelledSearchBox()
    {
        using var client = site.Factory.CreateSiteClient();
        var page = await PortalSite.PageAsync(client, "/");

        var latest = page.QuerySelectorAll("#latest-title ~ ul.results > li h3 a").ToList();
        Assert.InRange(latest.Count, 1, 6);
        Assert.All(latest, a => Assert.Matches(@"^/replies/\d+$", a.GetAttribute("href")));

        // The demo session has figures (the tests' own session may be newer but is a year older: 2019).
        var figures = page.QuerySelector(".figures")!.TextContent;
        Assert.Contains("2020年主要指标", page.QuerySelector("#figures-title")!.TextContent);
        Assert.Contains("29件", figures);
        Assert.Contains("9件", figures);
        Assert.Contains("20件", figures);
        Assert.Contains("面商率", figures);
        Assert.Contains("按时办复率", figures);

        var search = page.QuerySelector("form[role=search]")!;
        var input = search.QuerySelector("input[name=q]")!;
        Assert.NotNull(page.QuerySelector($"label[for={input.Id}]"));
        Assert.Equal("/search", search.GetAttribute("action"));
    }

    [Fact]
    public async Task ReplyListShowsTheDemoRepliesWithFacetCountsAndRemovableFilters()
    {
        using var client = site.Factory.CreateSiteClient();
        var page = await PortalSite.PageAsync(client, $"/replies?session={DemoSessionQuery}&sort=date");

        var items = page.QuerySelectorAll("ol.results > li").ToList();
        Assert.Equal(PortalSite.DemoPublished.Length, items.Count);
        Assert.All(PortalSite.DemoPublished, number => Assert.Contains(items, li => li.TextContent.Contains($"建议第{number}号", StringComparison.Ordinal)));

        // Facets: a labelled select per field, each value with its count; the selected session is a removable chip.
        var outcome = page.QuerySelector("select#facet-outcome")!;
        Assert.NotNull(page.QuerySelector("label[for=facet-outcome]"));
        var outcomes = outcome.QuerySelectorAll("option").Select(o => o.TextContent).ToList();
        Assert.Contains(outcomes, o => o.StartsWith("A类（", StringComparison.Ordinal));
        Assert.Contains(outcomes, o => o.StartsWith("C类（", StringComparison.Ordinal));
        var sessionOption = page.QuerySelector("select#facet-session option[selected]")!;
        Assert.Equal($"{RepliesSite.DemoSession}（7）", sessionOption.TextContent);
        var chip = page.QuerySelector("ul.chips a")!;
        Assert.Equal("/replies?sort=date", chip.GetAttribute("href"));

        // Sort links keep the filters; the date order puts the newest reply first.
        Assert.Contains(page.QuerySelectorAll("nav.sort-form a"), a => a.GetAttribute("href") == $"/replies?session={DemoSessionQuery}&sort=relevance");
        var dates = items.Select(li => li.QuerySelectorAll("ul.tags li").Select(t => t.TextContent).First(t => t.StartsWith("答复日期", StringComparison.Ordinal))).ToList();
        Assert.Equal(dates.OrderByDescending(d => d, StringComparer.Ordinal), dates);
    }

    [Fact]
    public async Task EachResultLineShowsTheReplysFactsStoredInTheIndexAndAHitNoLongerPublishedIsLeftOut()
    {
        const string marker = "listfactsmarker";
        var replyId = await site.PublishedReplyAsync($"关于{marker}路灯维护的建议", $"<p>{marker}：已完成路灯维修。</p>");
        using var client = site.Factory.CreateSiteClient();
        await PortalSite.WaitUntilAsync(async () => await PortalSite.TotalAsync(client, "/api/v1/replies?q=" + marker) == 1, "the index did not take the reply");

        // The line's facts come from the hit's stored fields: the proposal's title, number, session, unit, part, date.
        var line = (await PortalSite.PageAsync(client, "/replies?q=" + marker)).QuerySelectorAll("ol.results > li").Single();
        Assert.Equal($"/replies/{replyId}", line.QuerySelector("h3 a")!.GetAttribute("href"));
        Assert.Equal($"关于{marker}路灯维护的建议", line.QuerySelector("p.proposal-title")!.TextContent);
        var reply = await site.ReplyAsync(replyId);
        var proposal = await site.QueryAsync(db => db.Set<Proposal>().AsNoTracking().SingleAsync(p => p.Id == reply.ProposalId));
        var tags = line.QuerySelectorAll("ul.tags li").Select(t => t.TextContent.Trim()).ToList();
        Assert.Contains($"建议第{proposal.Number}号", tags);
        Assert.Contains(tags, t => t.EndsWith("（主办）", StringComparison.Ordinal) && t.Length > "（主办）".Length);
        Assert.Contains($"答复日期：{RepliesSite.Today:yyyy-MM-dd}", tags);

        // Unpublished behind the log's back, so the index still holds it: the page asks the database and leaves it out.
        var documentId = reply.DocumentId;
        var published = await site.QueryAsync(db => db.Set<ReviewedDocument>().Where(d => d.Id == documentId).Select(d => d.PublishedVersion).SingleAsync());
        await site.QueryAsync(db => db.Set<ReviewedDocument>().Where(d => d.Id == documentId).ExecuteUpdateAsync(u => u.SetProperty(d => d.PublishedVersion, (int?)null)));
        try
        {
            var page = await PortalSite.PageAsync(client, "/replies?q=" + marker + "&sort=date");
            Assert.Empty(page.QuerySelectorAll("ol.results > li"));
            Assert.Contains("共 1 条结果；本页没有结果。", page.QuerySelector("p.result-meta")!.TextContent);
        }
        finally
        {
            await site.QueryAsync(db => db.Set<ReviewedDocument>().Where(d => d.Id == documentId).ExecuteUpdateAsync(u => u.SetProperty(d => d.PublishedVersion, published)));
        }
    }

    [Fact]
    public async Task AnOutcomeFilterKeepsOnlyThatOutcomeAndPagesKeepTheirParameters()
    {
        using var client = site.Factory.CreateSiteClient();
        var page = await PortalSite.PageAsync(client, $"/replies?session={DemoSessionQuery}&outcome=A&pageSize=1");
        var total = page.QuerySelectorAll("ol.results > li").Single();
        Assert.Contains("A类", total.TextContent);

        var pager = page.QuerySelectorAll("nav.pager a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.NotEmpty(pager);
        Assert.All(pager, href => Assert.StartsWith($"/replies?session={DemoSessionQuery}&outcome=A&page=", href, StringComparison.Ordinal));
        Assert.All(pager, href => Assert.EndsWith("&pageSize=1", href, StringComparison.Ordinal));

        var second = await PortalSite.PageAsync(client, pager.First(h => h.Contains("page=2", StringComparison.Ordinal)));
        Assert.Contains("A类", second.QuerySelector("ol.results > li")!.TextContent);
        Assert.Equal("2", second.QuerySelector("ol.results")!.GetAttribute("start"));
    }

    [Fact]
    public async Task SearchHighlightsMatchesAndOffersATypeFacet()
    {
        using var client = site.Factory.CreateSiteClient();
        var page = await PortalSite.PageAsync(client, "/search?q=" + Uri.EscapeDataString("垃圾分类"));
        var hits = page.QuerySelectorAll("ol.results > li").ToList();
        Assert.NotEmpty(hits);
        Assert.Contains(hits, li => li.QuerySelector("mark") is not null);
        var types = page.QuerySelectorAll("select#facet-type option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Contains("reply", types);
        Assert.Contains("summary", types); // the 2020 summary speaks of 垃圾分类

        var summaries = await PortalSite.PageAsync(client, "/search?q=" + Uri.EscapeDataString("垃圾分类") + "&type=summary");
        Assert.All(summaries.QuerySelectorAll("ol.results > li h3 a"), a => Assert.StartsWith("/summaries/", a.GetAttribute("href"), StringComparison.Ordinal));

        // With a type selected, the type facet still counts every type, as the page without it does.
        static List<string> TypeOptions(IDocument page) => page.QuerySelectorAll("select#facet-type option").Where(o => o.GetAttribute("value") != "").Select(o => o.TextContent).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(TypeOptions(page), TypeOptions(summaries));
        Assert.Equal("summary", summaries.QuerySelector("select#facet-type option[selected]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task AQueryTheParserCannotReadIsSearchedAsPlainWordsWithANotice()
    {
        using var client = site.Factory.CreateSiteClient();
        var response = await client.GetAsync("/replies?q=" + Uri.EscapeDataString("垃圾分类 AND (\"[ OR"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("已按普通词语检索", html);
    }

    [Fact]
    public async Task ReplyPageShowsTheFactsTheOutcomeWithItsMeaningAndTheMarkedRedactions()
    {
        using var client = site.Factory.CreateSiteClient();
        var ids = new List<int>();
        foreach (var number in PortalSite.DemoPublished)
        {
            ids.Add(await PortalSite.DemoReplyIdAsync(client, number));
        }

        var redacted = 0;
        foreach (var id in ids)
        {
            var page = await PortalSite.PageAsync(client, $"/replies/{id}");
            var facts = page.QuerySelector("dl.facts")!;
            var terms = facts.QuerySelectorAll("dt").Select(dt => dt.TextContent).ToList();
            Assert.Equal(["编号", "届次", "建议/提案标题", "领衔代表及附议代表", "类别", "答复单位", "主办单位", "协办单位", "交办日期", "办理期限", "答复日期", "办理结果", "公开日期"], terms);
            Assert.Contains(RepliesSite.DemoSession, facts.TextContent);
            var outcome = Value(facts, "办理结果");
            Assert.Matches("^[ABC]类", outcome.Trim());
            Assert.True(
                outcome.Contains("所提问题已经解决或者采纳", StringComparison.Ordinal)
                || outcome.Contains("所提问题正在解决或者列入计划逐步解决", StringComparison.Ordinal)
                || outcome.Contains("因条件限制或其他原因暂时无法解决", StringComparison.Ordinal),
                outcome);
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", Value(facts, "答复日期").Trim());
            Assert.NotEmpty(page.QuerySelector(".public-text")!.TextContent.Trim());

            var marks = page.QuerySelectorAll(".public-text span.redaction").ToList();
            if (marks.Count > 0)
            {
                redacted++;
                Assert.All(marks, m => Assert.Equal("〔已删除：个人信息〕", m.TextContent));
                Assert.Contains("依法保护个人信息", page.QuerySelector("main")!.TextContent);
            }
        }

        Assert.Equal(2, redacted);
    }

    [Fact]
    public async Task RepliesThatAreNotPublishedAndUnknownIdsAre404()
    {
        using var client = site.Factory.CreateSiteClient();
        var inReview = await site.QueryAsync(db => Task.FromResult(
            db.Set<Transparency.Replies.Models.Reply>().Where(r => r.Document.Status != Transparency.Replies.Models.DocumentStatus.Published).Select(r => r.Id).ToList()));
        Assert.NotEmpty(inReview);
        foreach (var id in inReview.Append(999_999))
        {
            var response = await client.GetAsync($"/replies/{id}");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Contains("页面不存在", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task SummariesListLinksTheDemoSummaryWhichShowsItsText()
    {
        using var client = site.Factory.CreateSiteClient();
        var list = await PortalSite.PageAsync(client, "/summaries");
        var link = list.QuerySelectorAll("ul.results a").Single(a => a.TextContent.Contains("2020年", StringComparison.Ordinal));
        var page = await PortalSite.PageAsync(client, link.GetAttribute("href")!);
        Assert.Contains("办理工作总结", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("主办9件", page.QuerySelector(".public-text")!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/summaries/999999")).StatusCode);
    }

    [Fact]
    public async Task StatisticsGiveEveryChartAsAnAccessibleTableAndWorkWithoutScript()
    {
        using var client = site.Factory.CreateSiteClient();
        var page = await PortalSite.PageAsync(client, "/statistics");
        var canvases = page.QuerySelectorAll("canvas[data-chart]").ToList();
        Assert.True(canvases.Count >= 4, $"{canvases.Count} charts");
        foreach (var canvas in canvases)
        {
            Assert.Equal("img", canvas.GetAttribute("role"));
            Assert.False(string.IsNullOrWhiteSpace(canvas.GetAttribute("aria-label")));
            Assert.NotNull(canvas.ParentElement!.GetAttribute("hidden")); // shown by the script only
            var table = page.GetElementById(canvas.GetAttribute("data-table")!)!;
            Assert.NotNull(table.QuerySelector("caption"));
            Assert.All(table.QuerySelectorAll("thead th"), th => Assert.Equal("col", th.GetAttribute("scope")));
            Assert.All(table.QuerySelectorAll("tbody th"), th => Assert.Equal("row", th.GetAttribute("scope")));
            foreach (var key in canvas.GetAttribute("data-series")!.Split(' '))
            {
                Assert.NotNull(table.QuerySelector($"thead th[data-key={key}]"));
            }
        }

        // The demo session in figures: 29 handled, 9 lead, 20 co; the outcome table adds up to the published A/B/C mix or more.
        var years = page.GetElementById("table-years")!;
        var demoRow = years.QuerySelectorAll("tbody tr").Single(tr => tr.QuerySelector("th")!.TextContent == RepliesSite.DemoSession);
        Assert.Equal(["2020", "29", "9", "20"], demoRow.QuerySelectorAll("td").Take(4).Select(td => td.TextContent.Trim()));
        Assert.NotNull(page.GetElementById("table-outcomes"));
        Assert.NotNull(page.GetElementById("table-categories")!.QuerySelector("tbody th"));

        var scripts = page.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")!).ToList();
        var chartJs = scripts.Single(s => s.Contains("/lib/chartjs/chart.umd.min.js", StringComparison.Ordinal));
        var script = await client.GetAsync(chartJs);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Contains("Chart.js v4.6.1", await script.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/_content/Transparency.Portal/lib/chartjs/LICENSE.txt")).StatusCode);
    }

    [Fact]
    public async Task StatisticsOfAnUnknownSessionAre404()
    {
        using var client = site.Factory.CreateSiteClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/statistics?session=999999")).StatusCode);
    }

    [Fact]
    public async Task PublicPagesHaveLandmarksASkipLinkAndALanguageAndSpeakEnglishOnRequest()
    {
        using var client = site.Factory.CreateSiteClient();
        var id = await PortalSite.DemoReplyIdAsync(client, "0027");
        foreach (var url in new[] { "/", "/replies", "/search?q=路灯", $"/replies/{id}", "/summaries", "/statistics", "/open-data" })
        {
            var page = await PortalSite.PageAsync(client, url);
            Assert.Equal("zh-CN", page.DocumentElement.GetAttribute("lang"));
            Assert.Single(page.QuerySelectorAll("main#main"));
            Assert.Single(page.QuerySelectorAll("h1"));
            Assert.NotNull(page.QuerySelector("a.skip-link[href='#main']"));
            Assert.NotNull(page.QuerySelector("header nav[aria-label]"));
            Assert.NotNull(page.QuerySelector("footer"));
            Assert.DoesNotContain("__RequestVerificationToken", page.DocumentElement.OuterHtml); // cacheable: nothing per visitor

            var english = await PortalSite.PageAsync(client, url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "culture=en");
            Assert.Equal("en", english.DocumentElement.GetAttribute("lang"));
            Assert.Contains("Skip to main content", english.QuerySelector("a.skip-link")!.TextContent);
        }
    }

    private static string Value(IElement facts, string term)
        => facts.QuerySelectorAll("dt").Single(dt => dt.TextContent == term).NextElementSibling!.TextContent;
}

[Collection(PortalSqliteCollection.Name)]
public sealed class PublicPagesTestsOnSqlite(PortalSqliteSite site) : PublicPagesTests<PortalSqliteSite>(site);

[Collection(PortalPostgreSqlCollection.Name)]
public sealed class PublicPagesTestsOnPostgreSql(PortalPostgreSqlSite site) : PublicPagesTests<PortalPostgreSqlSite>(site);
