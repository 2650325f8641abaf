using System.Net;

namespace Transparency.Integration.Tests.Portal;

/// <summary>The information pages (关于本平台, 办理工作流程): public, editable in the back office, searchable.</summary>
public abstract class InfoPagesTests<TSite>(TSite site) where TSite : PortalSite
{
    [Fact]
    public async Task TheDefaultPagesArePublicAndLinkedFromEveryPage()
    {
        using var client = site.Factory.CreateSiteClient();
        var home = await PortalSite.PageAsync(client, "/");
        Assert.NotNull(home.QuerySelector("footer a[href='/pages/about']"));
        Assert.NotNull(home.QuerySelector("footer a[href='/pages/process']"));

        var about = await PortalSite.PageAsync(client, "/pages/about");
        Assert.Equal("关于本平台", about.QuerySelector("h1")!.TextContent);
        var process = await PortalSite.PageAsync(client, "/pages/process");
        Assert.Equal("办理工作流程", process.QuerySelector("h1")!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/pages/no-such-page")).StatusCode);

        var sitemap = await client.GetStringAsync("/sitemap.xml");
        Assert.Contains("http://localhost/pages/about", sitemap);
    }

    [Fact]
    public async Task AnAdministratorEditsAPageWhichIsThenShownAndFoundBySearch()
    {
        using var anonymous = site.Factory.CreateSiteClient();
        Assert.DoesNotContain("infopagemarker", await anonymous.GetStringAsync("/pages/process")); // now cached

        using var admin = site.Factory.CreateSiteClient();
        await admin.SignInAsAdminAsync();
        var response = await admin.PostFormAsync("/admin/pages", "/admin/pages/process",
            [new("title", "办理工作流程"), new("html", "<p>交办、办理、答复、公开、反馈（infopagemarker）。</p><script>alert(1)</script>")]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        await PortalSite.WaitUntilAsync(
            async () => (await anonymous.GetStringAsync("/pages/process")).Contains("infopagemarker", StringComparison.Ordinal),
            "the edited page was not shown");
        Assert.DoesNotContain("<script>alert", await anonymous.GetStringAsync("/pages/process"), StringComparison.Ordinal);
        await PortalSite.WaitUntilAsync(
            async () => (await anonymous.GetStringAsync("/search?q=infopagemarker&type=page")).Contains("href=\"/pages/process\"", StringComparison.Ordinal),
            "the edited page was not found by search");
    }

    [Fact]
    public async Task EditingNeedsThePermissionAndAValidPage()
    {
        using var drafter = await site.SignInAsync("drafter");
        Assert.Equal(HttpStatusCode.Redirect, (await drafter.GetAsync("/admin/pages")).StatusCode); // → /account/denied

        using var admin = site.Factory.CreateSiteClient();
        await admin.SignInAsAdminAsync();
        var empty = await admin.PostFormAsync("/admin/pages", "/admin/pages/about", [new("title", ""), new("html", "<p>x</p>")]);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var unknown = await admin.PostFormAsync("/admin/pages", "/admin/pages/nope", [new("title", "x"), new("html", "<p>x</p>")]);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}

[Collection(PortalSqliteCollection.Name)]
public sealed class InfoPagesTestsOnSqlite(PortalSqliteSite site) : InfoPagesTests<PortalSqliteSite>(site);

[Collection(PortalPostgreSqlCollection.Name)]
public sealed class InfoPagesTestsOnPostgreSql(PortalPostgreSqlSite site) : InfoPagesTests<PortalPostgreSqlSite>(site);
