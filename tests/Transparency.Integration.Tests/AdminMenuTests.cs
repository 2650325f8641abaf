using Transparency.Integration.Tests.Infrastructure;

namespace Transparency.Integration.Tests;

public abstract class AdminMenuTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : SiteFixture
{
    [Fact]
    public async Task AdministratorSeesEveryModulesEntry()
    {
        using var client = site.Factory.CreateSiteClient();
        await client.SignInAsAdminAsync();
        var html = await client.GetStringAsync("/admin");
        foreach (var url in new[] { "/admin/users", "/admin/roles", "/admin/units", "/admin/settings", "/admin/recipes", "/admin/audit", "/admin/calendar", "/admin/proposals", "/admin/proposals/dashboard", "/admin/sessions", "/admin/representatives", "/admin/categories" })
        {
            Assert.Contains($"href=\"{url}\"", html);
        }
    }

    [Fact]
    public async Task MenuShowsOnlyWhatTheUsersRolesPermit()
    {
        using var drafter = site.Factory.CreateSiteClient();
        await drafter.SignInAsync("drafter", "Demo#Draft2020");
        var html = await drafter.GetStringAsync("/admin");
        Assert.Contains("href=\"/admin\"", html);
        Assert.DoesNotContain("href=\"/admin/roles\"", html);
        Assert.DoesNotContain("href=\"/admin/audit\"", html);

        using var coordinator = site.Factory.CreateSiteClient();
        await coordinator.SignInAsync("coordinator", "Demo#Coord2020");
        var coordinatorHtml = await coordinator.GetStringAsync("/admin");
        Assert.Contains("href=\"/admin/audit\"", coordinatorHtml);
        Assert.DoesNotContain("href=\"/admin/users\"", coordinatorHtml);
    }
}

public sealed class AdminMenuTestsOnSqlite(SqliteSite site) : AdminMenuTests<SqliteSite>(site);

public sealed class AdminMenuTestsOnPostgreSql(PostgreSqlSite site) : AdminMenuTests<PostgreSqlSite>(site);
