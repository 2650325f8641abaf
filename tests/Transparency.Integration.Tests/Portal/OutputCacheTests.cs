using System.Net;

namespace Transparency.Integration.Tests.Portal;

/// <summary>
/// Public pages are output-cached per language and evicted by tag when the content-change log reports a change: an
/// unpublished reply's cached page turns into a 404 once this node's observer has run.
/// </summary>
public abstract class OutputCacheTests<TSite>(TSite site) where TSite : PortalSite
{
    [Fact]
    public async Task ACachedReplyPageIs404OnceTheReplyIsUnpublished()
    {
        var id = await site.PublishedReplyAsync("关于缓存测试背街小巷路灯维修的建议", "<p>缓存测试：背街小巷路灯已全部修复。</p>");
        using var client = site.Factory.CreateSiteClient();
        var url = $"/replies/{id}";

        // The list finds it once the index has taken the publication (the index tails the log in the background, then
        // tells the observers); from then on nothing else changes, so the page's second answer comes from the cache.
        await PortalSite.WaitUntilAsync(
            async () => (await client.GetStringAsync("/replies?q=" + Uri.EscapeDataString("缓存测试"))).Contains(url, StringComparison.Ordinal),
            "the published reply was not found by the list");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
        var cached = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, cached.StatusCode);
        Assert.NotNull(cached.Headers.Age); // served from the output cache

        await site.WithdrawAsync(id);
        await PortalSite.WaitUntilAsync(async () => (await client.GetAsync(url)).StatusCode == HttpStatusCode.NotFound, "the cached page was not evicted");
        await PortalSite.WaitUntilAsync(
            async () => !(await client.GetStringAsync("/replies?q=" + Uri.EscapeDataString("缓存测试"))).Contains(url, StringComparison.Ordinal),
            "the cached list still shows the reply");
        Assert.DoesNotContain(url + "\"", await client.GetStringAsync("/sitemap.xml"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/replies/{id}")).StatusCode);
    }

    [Fact]
    public async Task EntriesVaryByTheLanguageChosenInTheCookie()
    {
        using var chinese = site.Factory.CreateSiteClient();
        using var english = site.Factory.CreateSiteClient();
        var switched = await english.Http.GetAsync("/culture?culture=en&returnUrl=%2Fsummaries");
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);

        for (var i = 0; i < 2; i++)
        {
            Assert.Contains("<html lang=\"zh-CN\">", await chinese.GetStringAsync("/summaries"));
            Assert.Contains("<html lang=\"en\">", await english.GetStringAsync("/summaries"));
        }
    }

    [Fact]
    public async Task SignedInStaffAreNeverServedFromTheCache()
    {
        using var anonymous = site.Factory.CreateSiteClient();
        await anonymous.GetAsync("/summaries");
        Assert.NotNull((await anonymous.GetAsync("/summaries")).Headers.Age);

        using var staff = await site.SignInAsync("coordinator");
        var response = await staff.GetAsync("/summaries");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Headers.Age);
    }

    [Fact]
    public async Task DifferentQueriesAreDifferentEntries()
    {
        using var client = site.Factory.CreateSiteClient();
        var all = await client.GetStringAsync("/replies?outcome=A");
        var other = await client.GetStringAsync("/replies?outcome=C");
        Assert.NotEqual(all, other);
    }
}

[Collection(PortalSqliteCollection.Name)]
public sealed class OutputCacheTestsOnSqlite(PortalSqliteSite site) : OutputCacheTests<PortalSqliteSite>(site);

[Collection(PortalPostgreSqlCollection.Name)]
public sealed class OutputCacheTestsOnPostgreSql(PortalPostgreSqlSite site) : OutputCacheTests<PortalPostgreSqlSite>(site);
