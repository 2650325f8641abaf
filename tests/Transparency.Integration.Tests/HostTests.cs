using System.Net;
using Transparency.Integration.Tests.Infrastructure;

namespace Transparency.Integration.Tests;

public abstract class HostTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : SiteFixture
{
    [Fact]
    public async Task HomePageIsChineseAndShowsTheSiteNameFromSettings()
    {
        using var client = site.Factory.CreateSiteClient();
        var html = await client.GetStringAsync("/");
        Assert.Contains("<html lang=\"zh-CN\">", html);
        Assert.Contains("市城市管理局建议提案办理公开平台", html); // set by the demo recipe's Settings step
        Assert.Contains("跳到主要内容", html);
        Assert.Contains("<main id=\"main\"", html);
    }

    [Theory]
    [InlineData("/_content/Transparency.Theme.Public/site.css")]
    [InlineData("/_content/Transparency.Theme.Admin/admin.css")]
    public async Task ThemeStylesheetsLoadWithoutSignIn(string url)
    {
        using var client = site.Factory.CreateSiteClient();
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>The language switch is a link (GET): no form, so the output-cached public pages carry no antiforgery token.</summary>
    private static Task<HttpResponseMessage> SwitchCultureAsync(SiteClient client, string culture, string returnUrl)
        => client.Http.GetAsync($"/culture?culture={Uri.EscapeDataString(culture)}&returnUrl={Uri.EscapeDataString(returnUrl)}");

    [Fact]
    public async Task CultureSwitchServesEnglishAndRemembersIt()
    {
        using var client = site.Factory.CreateSiteClient();
        Assert.DoesNotContain("__RequestVerificationToken", await client.GetStringAsync("/"));
        var response = await SwitchCultureAsync(client, "en", "/");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var html = await client.GetStringAsync("/");
        Assert.Contains("<html lang=\"en\">", html);
        Assert.Contains("Skip to main content", html);
        Assert.Contains("简体中文", html); // the way back
    }

    [Fact]
    public async Task CultureSwitchRefusesAnUnknownCulture()
    {
        using var client = site.Factory.CreateSiteClient();
        var response = await SwitchCultureAsync(client, "fr", "/");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task CultureSwitchDoesNotRedirectToAnotherSite()
    {
        using var client = site.Factory.CreateSiteClient();
        var response = await SwitchCultureAsync(client, "en", "https://evil.example/");
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task HealthEndpointsAnswerWithoutSignIn()
    {
        using var client = site.Factory.CreateSiteClient();
        Assert.Equal("Healthy", await client.GetStringAsync("/health"));
        Assert.Equal("Healthy", await client.GetStringAsync("/health/ready"));
    }

    [Fact]
    public async Task ApiErrorsAreProblemDetails()
    {
        using var client = site.Factory.CreateSiteClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/no-such-thing");
        request.Headers.Accept.ParseAdd("application/json");
        var response = await client.Http.SendAsync(request);
        Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Unauthorized, $"got {(int)response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task PostingAFormWithoutAntiforgeryTokenIsRefused()
    {
        using var client = site.Factory.CreateSiteClient();
        var response = await client.Http.PostAsync("/account/login",
            new FormUrlEncodedContent([new("UserName", "admin"), new("Password", SiteFactory.AdminPassword)]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}

public sealed class HostTestsOnSqlite(SqliteSite site) : HostTests<SqliteSite>(site);

public sealed class HostTestsOnPostgreSql(PostgreSqlSite site) : HostTests<PostgreSqlSite>(site);
