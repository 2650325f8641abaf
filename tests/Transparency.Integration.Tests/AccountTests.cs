using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Transparency.Data;
using Transparency.Data.Identity;
using Transparency.Integration.Tests.Infrastructure;

namespace Transparency.Integration.Tests;

public abstract class AccountTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : SiteFixture
{
    [Fact]
    public async Task AdministratorFromConfigurationSignsInAndReachesTheBackOffice()
    {
        using var client = site.Factory.CreateSiteClient();
        var response = await client.SignInAsync("admin", SiteFactory.AdminPassword);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin", response.Headers.Location?.OriginalString);
        var html = await client.GetStringAsync("/admin");
        Assert.Contains("工作台", html);
    }

    [Fact]
    public async Task AnonymousVisitorIsSentToTheSignInPage()
    {
        using var client = site.Factory.CreateSiteClient();
        var response = await client.GetAsync("/admin/roles");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task SignInPageUsesTheAdminTheme()
    {
        using var client = site.Factory.CreateSiteClient();
        var html = await client.GetStringAsync("/account/login");
        Assert.Contains("_content/Transparency.Theme.Admin/admin.css", html);
        Assert.Contains("登录管理后台", html);
    }

    [Fact]
    public async Task WrongPasswordGivesAGenericMessageAndCountsTheFailure()
    {
        using var client = site.Factory.CreateSiteClient();
        var wrong = await client.SignInAsync("approver", "Wrong#Password1");
        var unknown = await client.SignInAsync("nobody-at-all", "Wrong#Password1");
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        var wrongHtml = await wrong.Content.ReadAsStringAsync();
        Assert.Contains("用户名或密码不正确。", wrongHtml);
        Assert.Contains("用户名或密码不正确。", await unknown.Content.ReadAsStringAsync());
        Assert.DoesNotContain("Wrong#Password1", wrongHtml);

        using var scope = site.Factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<TransparencyUser>>();
        var approver = await users.FindByNameAsync("approver");
        Assert.Equal(1, await users.GetAccessFailedCountAsync(approver!));
    }

    [Fact]
    public async Task RepeatedFailuresLockTheAccountEvenForTheRightPassword()
    {
        using var client = site.Factory.CreateSiteClient();
        for (var i = 0; i < 5; i++)
        {
            await client.SignInAsync("reviewer", "Wrong#Password1");
        }

        var response = await client.SignInAsync("reviewer", "Demo#Review2020");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("账户已暂时锁定", await response.Content.ReadAsStringAsync());

        using var scope = site.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TransparencyDbContext>();
        Assert.True(await db.Set<Transparency.AuditTrail.Models.AuditEvent>()
            .AnyAsync(e => e.Category == "Security" && e.Action == "LockedOut" && e.SubjectId == "reviewer"));
    }

    [Fact]
    public async Task SignOutEndsTheSession()
    {
        using var client = site.Factory.CreateSiteClient();
        await client.SignInAsAdminAsync();
        var response = await client.PostFormAsync("/admin", "/account/logout", []);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task UserWithoutThePermissionIsDenied()
    {
        using var client = site.Factory.CreateSiteClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync("drafter", "Demo#Draft2020")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin")).StatusCode);
        var response = await client.GetAsync("/admin/roles");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/denied", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task RepresentativeCannotEnterTheBackOffice()
    {
        using var client = site.Factory.CreateSiteClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync("representative", "Demo#Rep2020")).StatusCode);
        var response = await client.GetAsync("/admin");
        Assert.StartsWith("/account/denied", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task SignInDoesNotRedirectToAnotherSite()
    {
        using var client = site.Factory.CreateSiteClient();
        var response = await client.PostFormAsync("/account/login", "/account/login",
            [new("UserName", "admin"), new("Password", SiteFactory.AdminPassword), new("ReturnUrl", "https://evil.example/")]);
        Assert.Equal("/admin", response.Headers.Location?.OriginalString);
    }
}

public sealed class AccountTestsOnSqlite(SqliteSite site) : AccountTests<SqliteSite>(site);

public sealed class AccountTestsOnPostgreSql(PostgreSqlSite site) : AccountTests<PostgreSqlSite>(site);
