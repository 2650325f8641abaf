using System.Net;
using System.Text.Json;

namespace Transparency.Integration.Tests.Portal;

/// <summary>Every query-string input is checked: a bad value answers 400 naming the parameter, never 500.</summary>
public abstract class QueryValidationTests<TSite>(TSite site) where TSite : PortalSite
{
    public static readonly TheoryData<string, string> BadQueries = new()
    {
        { "page=abc", "page" },
        { "page=-1", "page" },
        { "page=0", "page" },
        { "page=99999999999999999999", "page" },
        { "page=600&pageSize=100", "page" },
        { "pageSize=100000", "pageSize" },
        { "pageSize=0", "pageSize" },
        { "year=foo", "year" },
        { "year=20200", "year" },
        { "sort=popularity", "sort" },
        { "outcome=D", "outcome" },
        { "kind=议案", "kind" },
        { "part=牵头", "part" },
        { "page=1&page=2", "page" },
        { "q=%01abc", "q" },
    };

    [Theory]
    [MemberData(nameof(BadQueries))]
    public async Task TheReplyListRefusesABadParameterWithA400NamingIt(string query, string parameter)
    {
        using var client = site.Factory.CreateSiteClient();
        var response = await client.GetAsync("/replies?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"data-parameter=\"{parameter}\"", html);
        Assert.Contains($"参数 {parameter} ", html);
    }

    [Theory]
    [MemberData(nameof(BadQueries))]
    public async Task TheSearchPageRefusesABadParameterWithA400(string query, string parameter)
    {
        using var client = site.Factory.CreateSiteClient();
        var response = await client.GetAsync("/search?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"data-parameter=\"{parameter}\"", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(BadQueries))]
    public async Task TheApiAnswersAProblemDocumentNamingTheParameter(string query, string parameter)
    {
        using var client = site.Factory.CreateSiteClient();
        var response = await client.GetAsync("/api/v1/replies?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = problem.RootElement.GetProperty("errors");
        Assert.Contains(parameter, errors.GetProperty(parameter)[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/replies?type=summary", "type")]
    [InlineData("/search?type=proposal", "type")]
    [InlineData("/api/v1/replies?type=summary", "type")]
    [InlineData("/statistics?session=abc", "session")]
    [InlineData("/statistics?session=-3", "session")]
    public async Task OtherBadParametersAre400Too(string url, string parameter)
    {
        using var client = site.Factory.CreateSiteClient();
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(parameter, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/replies?q=")]
    [InlineData("/replies?year=2020&kind=建议&part=主办&outcome=a&sort=date&page=1&pageSize=100")]
    [InlineData("/replies?unknown=1")]
    [InlineData("/replies?page=500")]
    [InlineData("/search?q=%22%22%22")]
    [InlineData("/search?q=*")]
    [InlineData("/search?q=title:(")]
    [InlineData("/api/v1/replies?q=~~~&page=3")]
    [InlineData("/replies/2147483647")]
    public async Task OddButValidQueriesNeverAnswer500(string url)
    {
        using var client = site.Factory.CreateSiteClient();
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"GET {url} answered {(int)response.StatusCode}");
    }

    [Fact]
    public async Task AnOverlongQueryIsRefused()
    {
        using var client = site.Factory.CreateSiteClient();
        var response = await client.GetAsync("/replies?q=" + new string('路', 201));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("data-parameter=\"q\"", await response.Content.ReadAsStringAsync());
    }
}

[Collection(PortalSqliteCollection.Name)]
public sealed class QueryValidationTestsOnSqlite(PortalSqliteSite site) : QueryValidationTests<PortalSqliteSite>(site);

[Collection(PortalPostgreSqlCollection.Name)]
public sealed class QueryValidationTestsOnPostgreSql(PortalPostgreSqlSite site) : QueryValidationTests<PortalPostgreSqlSite>(site);
