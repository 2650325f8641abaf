using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Transparency.Integration.Tests.Infrastructure;
using Transparency.Integration.Tests.Replies;

namespace Transparency.Integration.Tests.Portal;

/// <summary>
/// The demo site (7 published replies of 市十六届人大三次会议, two of them redacted; 0084 in review and 0092 returned; the
/// published 2020 summary) for the public-site tests, with the Replies tests' helpers to publish and withdraw replies of
/// their own session. Waits until the search index holds the demo's replies before the first test.
/// </summary>
public abstract class PortalSite(DatabaseKind kind) : RepliesSite(kind), IAsyncLifetime
{
    public static readonly string[] DemoPublished = ["0012", "0027", "0035", "0041", "0053", "0066", "0078"];

    public new async Task InitializeAsync()
    {
        await base.InitializeAsync();
        // The first use of data protection writes the key ring to the database; on SQLite that write and the world's user
        // creation (one transaction) can refuse each other. The sign-in page's antiforgery token creates the key first.
        using (var first = Factory.CreateSiteClient())
        {
            _ = await first.GetStringAsync("/account/login");
        }

        // The index is built in the background at start; the query string differs at each try so no cached answer is read.
        using var client = Factory.CreateSiteClient();
        var attempt = 0;
        await WaitUntilAsync(
            async () => (await TotalAsync(client, $"/api/v1/replies?session={Uri.EscapeDataString(DemoSession)}&pageSize={1 + (attempt++ % 100)}")) >= DemoPublished.Length,
            "the demo replies were not indexed");
    }

    /// <summary>The <c>total</c> of an API list answer.</summary>
    public static async Task<int> TotalAsync(SiteClient client, string url)
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync(url));
        return json.RootElement.GetProperty("total").GetInt32();
    }

    /// <summary>Polls <paramref name="condition"/> for up to 15 s (the indexing worker runs in the background).</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string failure)
    {
        for (var i = 0; i < 150; i++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail(failure + " within 15 s");
    }

    public static async Task<IHtmlDocument> PageAsync(SiteClient client, string url)
        => new HtmlParser().ParseDocument(await client.GetStringAsync(url));

    /// <summary>The demo reply with this proposal number, by its permalink on the list filtered to the demo session.</summary>
    public static async Task<int> DemoReplyIdAsync(SiteClient client, string number)
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/replies?session={Uri.EscapeDataString(DemoSession)}&pageSize=100"));
        return json.RootElement.GetProperty("items").EnumerateArray()
            .Single(i => i.GetProperty("number").GetString() == number).GetProperty("id").GetInt32();
    }

    /// <summary>A new reply of the tests' own session, taken to Published over HTTP; returns its id.</summary>
    public async Task<int> PublishedReplyAsync(string title, string publicHtml)
    {
        var (_, replyId) = await ApprovedReplyAsync(publicHtml, publicHtml, send: true, title: title);
        using var coordinator = await SignInAsync("coordinator");
        await PostOkAsync(coordinator, $"/admin/replies/{replyId}/publish", $"/admin/replies/{replyId}/publish", new KeyValuePair<string, string>("comment", "公开。"));
        return replyId;
    }

    public async Task WithdrawAsync(int replyId)
    {
        using var coordinator = await SignInAsync("coordinator");
        await PostOkAsync(coordinator, $"/admin/replies/{replyId}/publish", $"/admin/replies/{replyId}/withdraw", new KeyValuePair<string, string>("reason", "撤回公开。"));
    }

    public static async Task<HttpResponseMessage> GetWithAsync(SiteClient client, string url, Action<HttpRequestMessage> configure)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        configure(request);
        return await client.Http.SendAsync(request);
    }

    public static void AssertStatus(HttpStatusCode expected, HttpResponseMessage response, string url)
        => Assert.True(response.StatusCode == expected, $"GET {url} answered {(int)response.StatusCode}, expected {(int)expected}");
}

public sealed class PortalSqliteSite() : PortalSite(DatabaseKind.Sqlite);

public sealed class PortalPostgreSqlSite() : PortalSite(DatabaseKind.PostgreSql);

/// <summary>Every Portal test class on SQLite shares one demo site.</summary>
[CollectionDefinition(Name)]
public sealed class PortalSqliteCollection : ICollectionFixture<PortalSqliteSite>
{
    public const string Name = "Portal site on SQLite";
}

/// <summary>Every Portal test class on PostgreSQL shares one demo site.</summary>
[CollectionDefinition(Name)]
public sealed class PortalPostgreSqlCollection : ICollectionFixture<PortalPostgreSqlSite>
{
    public const string Name = "Portal site on PostgreSQL";
}
