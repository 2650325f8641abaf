using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Transparency.Data;
using Transparency.Integration.Tests.Infrastructure;

namespace Transparency.Integration.Tests;

/// <summary>Two web nodes on one database: keys and sessions are shared, start-up work is done once.</summary>
public abstract class MultiNodeTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : SiteFixture
{
    [Fact]
    public async Task SignInOnOneNodeIsAcceptedByAnother()
    {
        await using var nodeB = site.CreateSecondNode();
        var auth = await SignInCookieAsync(site.Factory);

        // Hand node A's cookie to node B, as a load balancer would.
        using var clientB = nodeB.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin/roles");
        request.Headers.Add("Cookie", auth);
        var response = await clientB.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        // A forged cookie is not accepted.
        using var forged = new HttpRequestMessage(HttpMethod.Get, "/admin/roles");
        forged.Headers.Add("Cookie", auth[..^8] + "AAAAAAAA");
        Assert.Equal(HttpStatusCode.Redirect, (await clientB.SendAsync(forged)).StatusCode);
    }

    [Fact]
    public async Task DataProtectionKeysLiveInTheDatabase()
    {
        _ = await SignInCookieAsync(site.Factory);
        using var scope = site.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TransparencyDbContext>();
        Assert.True(await db.DataProtectionKeys.AnyAsync());
    }

    [Fact]
    public async Task AllMigrationsAreApplied()
    {
        using var scope = site.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TransparencyDbContext>();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
    }

    /// <summary>Signs in with a client that does not keep cookies and returns the auth cookie it was given.</summary>
    private static async Task<string> SignInCookieAsync(SiteFactory factory)
    {
        using var http = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var page = await http.GetAsync("/account/login");
        var html = await page.Content.ReadAsStringAsync();
        var antiforgeryCookie = string.Join("; ", page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        using var post = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(
            [
                new("UserName", "admin"), new("Password", SiteFactory.AdminPassword),
                new("__RequestVerificationToken", SiteClient.AntiforgeryToken(html)),
            ]),
        };
        post.Headers.Add("Cookie", antiforgeryCookie);
        var response = await http.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("transparency.auth=", StringComparison.Ordinal));
    }
}

public sealed class MultiNodeTestsOnSqlite(SqliteSite site) : MultiNodeTests<SqliteSite>(site);

public sealed class MultiNodeTestsOnPostgreSql(PostgreSqlSite site) : MultiNodeTests<PostgreSqlSite>(site);
