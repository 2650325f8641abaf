using System.Net;
using System.Text.Json;
using Transparency.Integration.Tests.Replies;

namespace Transparency.Integration.Tests.Portal;

/// <summary>The read-only JSON API and its OpenAPI document.</summary>
public abstract class ApiTests<TSite>(TSite site) where TSite : PortalSite
{
    private static readonly string DemoSessionQuery = Uri.EscapeDataString(RepliesSite.DemoSession);

    [Fact]
    public async Task RepliesArePagedAndFilteredLikeTheList()
    {
        using var client = site.Factory.CreateSiteClient();
        using var page1 = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/replies?session={DemoSessionQuery}&sort=date&pageSize=3"));
        var root = page1.RootElement;
        Assert.Equal(PortalSite.DemoPublished.Length, root.GetProperty("total").GetInt32());
        Assert.Equal(1, root.GetProperty("page").GetInt32());
        Assert.Equal(3, root.GetProperty("page_size").GetInt32());
        var first = root.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).ToList();
        Assert.Equal(3, first.Count);

        using var page3 = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/replies?session={DemoSessionQuery}&sort=date&pageSize=3&page=3"));
        Assert.Single(page3.RootElement.GetProperty("items").EnumerateArray());

        using var filtered = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/replies?session={DemoSessionQuery}&outcome=C"));
        var outcomes = filtered.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("outcome").GetString()).ToList();
        Assert.NotEmpty(outcomes);
        Assert.All(outcomes, o => Assert.Equal("C", o));

        using var searched = JsonDocument.Parse(await client.GetStringAsync("/api/v1/replies?q=" + Uri.EscapeDataString("垃圾分类")));
        Assert.True(searched.RootElement.GetProperty("total").GetInt32() > 0);
        Assert.False(searched.RootElement.GetProperty("parsed_as_plain_text").GetBoolean());
    }

    [Fact]
    public async Task OneReplyCarriesItsHtmlAndAttachmentsAndAnUnknownOneIsAProblem404()
    {
        using var client = site.Factory.CreateSiteClient();
        var id = await PortalSite.DemoReplyIdAsync(client, "0027");
        using var reply = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/replies/{id}"));
        Assert.Equal("0027", reply.RootElement.GetProperty("number").GetString());
        Assert.Contains("<p>", reply.RootElement.GetProperty("html").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Array, reply.RootElement.GetProperty("attachments").ValueKind);

        var missing = await client.GetAsync("/api/v1/replies/999999");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task SummariesAndStatisticsAreServed()
    {
        using var client = site.Factory.CreateSiteClient();
        using var summaries = JsonDocument.Parse(await client.GetStringAsync("/api/v1/summaries"));
        var summary = summaries.RootElement.EnumerateArray().Single(s => s.GetProperty("year").GetInt32() == 2020);
        Assert.False(summary.TryGetProperty("html", out _));
        using var one = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/summaries/{summary.GetProperty("id").GetInt32()}"));
        Assert.Contains("主办9件", one.RootElement.GetProperty("html").GetString(), StringComparison.Ordinal);

        using var statistics = JsonDocument.Parse(await client.GetStringAsync("/api/v1/statistics"));
        var demo = statistics.RootElement.EnumerateArray().Single(s => s.GetProperty("session").GetString() == RepliesSite.DemoSession);
        Assert.Equal(29, demo.GetProperty("total").GetInt32());
        Assert.Equal(9, demo.GetProperty("lead").GetInt32());
        Assert.Equal(20, demo.GetProperty("co").GetInt32());
        Assert.Equal("100%", demo.GetProperty("consultation_rate").GetString());
        Assert.NotEmpty(demo.GetProperty("categories").EnumerateArray());
    }

    [Fact]
    public async Task TheOpenApiDocumentDescribesEveryEndpointAndNothingElse()
    {
        using var client = site.Factory.CreateSiteClient();
        using var document = JsonDocument.Parse(await client.GetStringAsync("/api/openapi/v1.json"));
        var paths = document.RootElement.GetProperty("paths");
        Assert.Equal(
            ["/api/v1/replies", "/api/v1/replies/{id}", "/api/v1/statistics", "/api/v1/summaries", "/api/v1/summaries/{id}"],
            paths.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        var list = paths.GetProperty("/api/v1/replies").GetProperty("get");
        Assert.False(string.IsNullOrEmpty(list.GetProperty("summary").GetString()));
        var parameters = list.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Equal(["q", "year", "session", "kind", "category", "unit", "outcome", "part", "sort", "page", "pageSize"], parameters);
        Assert.True(list.GetProperty("responses").TryGetProperty("400", out _));
        Assert.True(paths.GetProperty("/api/v1/replies/{id}").GetProperty("get").GetProperty("responses").TryGetProperty("404", out _));
    }

    [Fact]
    public async Task TheApiIsReadOnly()
    {
        using var client = site.Factory.CreateSiteClient();
        var response = await client.Http.PostAsync("/api/v1/replies", new StringContent("{}"));
        Assert.True(response.StatusCode is HttpStatusCode.MethodNotAllowed or HttpStatusCode.NotFound or HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized,
            $"POST answered {(int)response.StatusCode}");
    }
}

[Collection(PortalSqliteCollection.Name)]
public sealed class ApiTestsOnSqlite(PortalSqliteSite site) : ApiTests<PortalSqliteSite>(site);

[Collection(PortalPostgreSqlCollection.Name)]
public sealed class ApiTestsOnPostgreSql(PortalPostgreSqlSite site) : ApiTests<PortalPostgreSqlSite>(site);
