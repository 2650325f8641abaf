using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Transparency.Data;
using Transparency.Integration.Tests.Infrastructure;
using Transparency.Units.Models;
using Transparency.Users.Models;

namespace Transparency.Integration.Tests;

public abstract class UsersAdminTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : SiteFixture
{
    [Fact]
    public async Task AdministratorCreatesAUserWithARoleAndAUnitAndTheUserSignsIn()
    {
        using var admin = site.Factory.CreateSiteClient();
        await admin.SignInAsAdminAsync();
        var form = await admin.GetStringAsync("/admin/users/create");
        var unitId = Regex.Match(form, "id=\"u-(\\d+)\" name=\"Units\" value=\"\\d+\"[^>]*/>\\s*<label[^>]*>市城市管理局环境卫生管理处").Groups[1].Value;
        Assert.NotEmpty(unitId);

        var response = await admin.PostFormAsync("/admin/users/create", "/admin/users/create",
        [
            new("UserName", "zhaolei"), new("DisplayName", "赵磊"), new("Email", "zhaolei@example.gov.cn"),
            new("Password", "Strong#Pass2026"), new("Roles", "Drafter"), new("Units", unitId),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        using var scope = site.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TransparencyDbContext>();
        var user = await db.Users.SingleAsync(u => u.UserName == "zhaolei");
        var unit = await db.Set<UserUnit>().SingleAsync(u => u.UserId == user.Id);
        Assert.Equal("环卫处", (await db.Set<Unit>().SingleAsync(u => u.Id == unit.UnitId)).ShortName);

        using var newcomer = site.Factory.CreateSiteClient();
        Assert.Equal(HttpStatusCode.Redirect, (await newcomer.SignInAsync("zhaolei", "Strong#Pass2026")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await newcomer.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task WeakPasswordIsRefusedByThePasswordPolicy()
    {
        using var admin = site.Factory.CreateSiteClient();
        await admin.SignInAsAdminAsync();
        var response = await admin.PostFormAsync("/admin/users/create", "/admin/users/create",
            [new("UserName", "weak"), new("DisplayName", "弱密码"), new("Password", "short1")]);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("密码长度不能少于 10 个字符。", html);
        Assert.Contains("密码须包含大写字母。", html);

        using var scope = site.Factory.Services.CreateScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<TransparencyDbContext>().Users.AnyAsync(u => u.UserName == "weak"));
    }

    [Fact]
    public async Task UnknownRoleOrUnitIsRefusedAndNothingIsWritten()
    {
        using var admin = site.Factory.CreateSiteClient();
        await admin.SignInAsAdminAsync();
        var response = await admin.PostFormAsync("/admin/users/create", "/admin/users/create",
        [
            new("UserName", "ghost"), new("DisplayName", "无效"), new("Password", "Strong#Pass2026"),
            new("Roles", "Emperor"), new("Units", "999999"),
        ]);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("未知角色：Emperor", html);
        Assert.Contains("未知单位：999999", html);

        using var scope = site.Factory.Services.CreateScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<TransparencyDbContext>().Users.AnyAsync(u => u.UserName == "ghost"));
    }

    [Fact]
    public async Task UsersPageNeedsTheUsersPermission()
    {
        using var coordinator = site.Factory.CreateSiteClient();
        await coordinator.SignInAsync("coordinator", "Demo#Coord2020");
        Assert.StartsWith("/account/denied", (await coordinator.GetAsync("/admin/users")).Headers.Location!.PathAndQuery);
        var post = await coordinator.PostFormAsync("/admin", "/admin/users/create",
            [new("UserName", "sneaky"), new("DisplayName", "越权"), new("Password", "Strong#Pass2026"), new("Roles", "Administrator")]);
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.StartsWith("/account/denied", post.Headers.Location!.PathAndQuery);

        using var scope = site.Factory.Services.CreateScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<TransparencyDbContext>().Users.AnyAsync(u => u.UserName == "sneaky"));
    }
}

public sealed class UsersAdminTestsOnSqlite(SqliteSite site) : UsersAdminTests<SqliteSite>(site);

public sealed class UsersAdminTestsOnPostgreSql(PostgreSqlSite site) : UsersAdminTests<PostgreSqlSite>(site);
