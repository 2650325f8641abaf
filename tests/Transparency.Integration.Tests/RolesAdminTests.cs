using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Transparency.AuditTrail.Models;
using Transparency.Data;
using Transparency.Integration.Tests.Infrastructure;
using Transparency.Users.Models;

namespace Transparency.Integration.Tests;

public abstract class RolesAdminTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : SiteFixture
{
    [Fact]
    public async Task RolesPageListsTheSeededRoles()
    {
        using var client = site.Factory.CreateSiteClient();
        await client.SignInAsAdminAsync();
        var html = await client.GetStringAsync("/admin/roles");
        foreach (var role in new[] { "Administrator", "Coordinator", "Drafter", "Reviewer", "Approver", "Representative" })
        {
            Assert.Contains($"<td>{role}</td>", html);
        }
    }

    [Fact]
    public async Task AdministratorCreatesARoleWithPermissionsAndItIsAudited()
    {
        using var client = site.Factory.CreateSiteClient();
        await client.SignInAsAdminAsync();
        var response = await client.PostFormAsync("/admin/roles/create", "/admin/roles/create",
        [
            new("Name", "Auditor"),
            new("Description", "审计人员"),
            new("Permissions", "Admin.Access"),
            new("Permissions", "AuditTrail.View"),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        using var scope = site.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TransparencyDbContext>();
        var role = await db.Roles.SingleAsync(r => r.Name == "Auditor");
        var permissions = await db.Set<RolePermission>().Where(p => p.RoleId == role.Id).Select(p => p.Permission).ToListAsync();
        Assert.Equal(["Admin.Access", "AuditTrail.View"], permissions.Order());
        Assert.True(await db.Set<AuditEvent>().AnyAsync(e => e.Category == "Roles" && e.Action == "Created" && e.SubjectId == "Auditor" && e.Actor == "admin"));
    }

    [Fact]
    public async Task UnknownPermissionIsRefusedWithAMessage()
    {
        using var client = site.Factory.CreateSiteClient();
        await client.SignInAsAdminAsync();
        var response = await client.PostFormAsync("/admin/roles/create", "/admin/roles/create",
            [new("Name", "Bogus"), new("Permissions", "Proposals.Fly")]);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("未知权限：Proposals.Fly", await response.Content.ReadAsStringAsync());

        using var scope = site.Factory.Services.CreateScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<TransparencyDbContext>().Roles.AnyAsync(r => r.Name == "Bogus"));
    }

    [Fact]
    public async Task EmptyRoleNameIsRefusedWithAMessage()
    {
        using var client = site.Factory.CreateSiteClient();
        await client.SignInAsAdminAsync();
        var response = await client.PostFormAsync("/admin/roles/create", "/admin/roles/create", [new("Name", "")]);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("请填写角色名。", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task GrantingAPermissionTakesEffectOnTheNextRequest()
    {
        using var drafter = site.Factory.CreateSiteClient();
        await drafter.SignInAsync("drafter", "Demo#Draft2020");
        Assert.Equal(HttpStatusCode.Redirect, (await drafter.GetAsync("/admin/units")).StatusCode);

        using var admin = site.Factory.CreateSiteClient();
        await admin.SignInAsAdminAsync();
        var rolesPage = await admin.GetStringAsync("/admin/roles");
        var drafterId = System.Text.RegularExpressions.Regex.Match(rolesPage, "href=\"/admin/roles/([^\"]+)\" aria-label=\"[^\"]*Drafter\"").Groups[1].Value;
        var response = await admin.PostFormAsync($"/admin/roles/{drafterId}", $"/admin/roles/{drafterId}",
            [new("Name", "Drafter"), new("Permissions", "Admin.Access"), new("Permissions", "Admin.Units")]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await drafter.GetAsync("/admin/units")).StatusCode);
    }

    [Fact]
    public async Task AdministratorRoleCannotBeDeletedOrRenamed()
    {
        using var client = site.Factory.CreateSiteClient();
        await client.SignInAsAdminAsync();
        var rolesPage = await client.GetStringAsync("/admin/roles");
        var id = System.Text.RegularExpressions.Regex.Match(rolesPage, "href=\"/admin/roles/([^\"]+)\" aria-label=\"[^\"]*Administrator\"").Groups[1].Value;
        var delete = await client.PostFormAsync($"/admin/roles/{id}", $"/admin/roles/{id}/delete", []);
        Assert.Equal(HttpStatusCode.BadRequest, delete.StatusCode);
        var rename = await client.PostFormAsync($"/admin/roles/{id}", $"/admin/roles/{id}", [new("Name", "Boss")]);
        Assert.Equal(HttpStatusCode.BadRequest, rename.StatusCode);
        Assert.Contains("系统管理员角色不能改名。", await rename.Content.ReadAsStringAsync());
    }
}

public sealed class RolesAdminTestsOnSqlite(SqliteSite site) : RolesAdminTests<SqliteSite>(site);

public sealed class RolesAdminTestsOnPostgreSql(PostgreSqlSite site) : RolesAdminTests<PostgreSqlSite>(site);
