using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Transparency.Core.Recipes;
using Transparency.Data;
using Transparency.Integration.Tests.Infrastructure;
using Transparency.Recipes.Models;
using Transparency.Units.Models;

namespace Transparency.Integration.Tests;

public abstract class RecipeTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : SiteFixture
{
    private const string GoodUnitStep = """{ "name": "Units", "units": [ { "name": "临时测试单位", "internal": true } ] }""";

    [Fact]
    public async Task SetupAndDemoRecipesRanOnceAndAreListedInTheBackOffice()
    {
        using var client = site.Factory.CreateSiteClient();
        await client.SignInAsAdminAsync();
        var html = await client.GetStringAsync("/admin/recipes");
        Assert.Contains("<td>setup</td>", html);
        Assert.Contains("<td>demo</td>", html);

        // A second node (or a restart) on the same database does not run them again.
        await using var again = site.CreateSecondNode();
        _ = again.Server;
        using var scope = again.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TransparencyDbContext>();
        Assert.Equal(1, await db.Set<RecipeExecution>().CountAsync(r => r.Name == "setup"));
        Assert.Equal(1, await db.Set<RecipeExecution>().CountAsync(r => r.Name == "demo"));
    }

    [Fact]
    public async Task DemoRecipeCreatedUnitsAndAnAccountPerRole()
    {
        using var scope = site.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TransparencyDbContext>();
        Assert.True(await db.Set<Unit>().AnyAsync(u => u.ShortName == "市容环境科" && u.IsInternal && u.Parent!.Name == "市城市管理局"));
        foreach (var user in new[] { "admin", "coordinator", "drafter", "reviewer", "approver", "representative" })
        {
            Assert.True(await db.Users.AnyAsync(u => u.UserName == user), user);
        }
    }

    [Theory]
    [InlineData("""{ "name": "Mystery" }""", "steps[1]: unknown step 'Mystery'")]
    [InlineData("""{ "name": "Roles", "roles": [ { "name": "X", "permissions": [ "Admin.Access", "Nope.Nothing" ] } ] }""", "steps[1] 'Roles', field 'roles[0].permissions[1]': unknown permission 'Nope.Nothing'")]
    [InlineData("""{ "name": "Units", "units": [ { "name": "子单位", "parent": "不存在的单位" } ] }""", "steps[1] 'Units', field 'units[0].parent'")]
    [InlineData("""{ "name": "Units", "units": [ { "shortName": "无名" } ] }""", "steps[1] 'Units', field 'units[0].name': is required")]
    [InlineData("""{ "name": "Users", "users": [ { "userName": "x1", "roles": [ "NoSuchRole" ] } ] }""", "field 'users[0].roles[0]': unknown role 'NoSuchRole'")]
    [InlineData("""{ "name": "Users", "users": [ { "userName": "x2", "units": [ "火星办事处" ] } ] }""", "field 'users[0].units[0]': unknown unit '火星办事处'")]
    [InlineData("""{ "name": "Users", "users": [ { "userName": "x3", "password": "Secret#Pass2026" } ] }""", "field 'users[0].password': passwords are accepted only in recipes marked \"demo\": true")]
    [InlineData("""{ "name": "Settings", "defaultCulture": "fr" }""", "field 'defaultCulture': 'fr' is not supported")]
    [InlineData("""{ "name": "Settings", "colour": "red" }""", "field 'colour': is not a known setting")]
    [InlineData("""{ "name": "Feedback", "session": "市十六届人大三次会议", "ratings": [ { "proposal": "0027", "representative": "无名氏", "overall": "满意", "communication": "满意", "attitude": "满意", "result": "满意", "ratedOn": "2020-09-01" } ] }""", "steps[1] 'Feedback', field 'ratings[0].representative': '无名氏' is not a representative of proposal 0027")]
    [InlineData("""{ "name": "Feedback", "session": "市十六届人大三次会议", "ratings": [ { "proposal": "0084", "representative": "孙立新", "overall": "满意", "communication": "满意", "attitude": "满意", "result": "满意", "ratedOn": "2020-09-01" } ] }""", "field 'ratings[0].round': proposal 0084 has no sent reply in round 1")]
    [InlineData("""{ "name": "Feedback", "session": "市十六届人大三次会议", "ratings": [ { "proposal": "0027", "representative": "王建国", "overall": "满意", "communication": "满意", "attitude": "满意", "result": "满意", "ratedOn": "2020-09-01" } ] }""", "field 'ratings[0].round': 王建国 has already rated round 1 of proposal 0027")]
    [InlineData("""{ "name": "Feedback", "session": "市十六届人大三次会议", "ratings": [ { "proposal": "0027", "representative": "王建国", "overall": "很好" } ] }""", "field 'ratings[0].overall': '很好' is not one of Satisfied, BasicallySatisfied, Dissatisfied")]
    [InlineData("""{ "name": "Feedback", "session": "市十六届人大三次会议", "commitments": [ { "proposal": "0027", "text": "年底前完成", "dueOn": "2020-12-31" } ] }""", "field 'commitments[0].proposal': the reply to proposal 0027 is not class B")]
    [InlineData("""{ "name": "Feedback", "session": "市十六届人大三次会议", "commitments": [ { "proposal": "0012", "text": "年底前完成" } ] }""", "field 'commitments[0].dueOn': is required")]
    public async Task BadStepIsReportedWithFileStepAndFieldAndNothingIsApplied(string badStep, string expected)
    {
        var file = await WriteRecipeAsync($$"""{ "name": "bad-{{Guid.NewGuid():N}}", "steps": [ {{GoodUnitStep}}, {{badStep}} ] }""");
        using var scope = site.Factory.Services.CreateScope();
        var executor = scope.ServiceProvider.GetRequiredService<IRecipeExecutor>();

        var error = await Assert.ThrowsAsync<RecipeException>(() => executor.ExecuteAsync(file, new RecipeRunOptions()));

        Assert.Contains(Path.GetFileName(file), error.Message);
        Assert.Contains(expected, error.Message);
        using var check = site.Factory.Services.CreateScope();
        var db = check.ServiceProvider.GetRequiredService<TransparencyDbContext>();
        Assert.False(await db.Set<Unit>().AnyAsync(u => u.Name == "临时测试单位"), "the first, valid step must be rolled back");
        Assert.False(await db.Users.AnyAsync(u => new[] { "x1", "x2", "x3" }.Contains(u.UserName)));
    }

    [Theory]
    [InlineData("""{ "description": "no name", "steps": [] }""", "field 'name': is required")]
    [InlineData("""{ "name": "no-steps" }""", "field 'steps': is required")]
    [InlineData("""{ "name": "x", "steps": [ { "units": [] } ] }""", "field 'steps[0].name': is required")]
    [InlineData("""{ "name": "x", "steps": [ """, "is not valid JSON")]
    public async Task MalformedRecipeIsRefusedBeforeAnythingRuns(string json, string expected)
    {
        var file = await WriteRecipeAsync(json);
        using var scope = site.Factory.Services.CreateScope();
        var executor = scope.ServiceProvider.GetRequiredService<IRecipeExecutor>();
        var error = await Assert.ThrowsAsync<RecipeException>(() => executor.ExecuteAsync(file, new RecipeRunOptions()));
        Assert.Contains(Path.GetFileName(file), error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public async Task RolesStepAddsOrReplacesPermissions()
    {
        var file = await WriteRecipeAsync($$"""
            { "name": "roles-{{Guid.NewGuid():N}}", "steps": [
              { "name": "Roles", "roles": [ { "name": "Clerk", "permissions": [ "Admin.Access" ] } ] },
              { "name": "Roles", "roles": [ { "name": "Clerk", "permissions": [ "AuditTrail.View" ], "mode": "add" } ] }
            ] }
            """);
        using var scope = site.Factory.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<IRecipeExecutor>().ExecuteAsync(file, new RecipeRunOptions());
        var db = scope.ServiceProvider.GetRequiredService<TransparencyDbContext>();
        var role = await db.Roles.SingleAsync(r => r.Name == "Clerk");
        var permissions = await db.Set<Transparency.Users.Models.RolePermission>().Where(p => p.RoleId == role.Id).Select(p => p.Permission).ToListAsync();
        Assert.Equal(["Admin.Access", "AuditTrail.View"], permissions.Order());
    }

    [Fact]
    public async Task RecipeThatFailsAtStartStopsTheSiteWithTheMessage()
    {
        var file = await WriteRecipeAsync("""{ "name": "broken-start", "steps": [ { "name": "Mystery" } ] }""");
        await using var node = new SiteFactory(site.Database, new Dictionary<string, string?> { ["Setup:Recipes:0"] = file });
        var error = Assert.ThrowsAny<Exception>(() => node.Server);
        Assert.Contains("unknown step 'Mystery'", Flatten(error));
    }

    private static string Flatten(Exception e) => e.InnerException is null ? e.Message : e.Message + " | " + Flatten(e.InnerException);

    private static async Task<string> WriteRecipeAsync(string json)
    {
        var file = Path.Combine(Path.GetTempPath(), $"test-{Guid.NewGuid():N}.recipe.json");
        await File.WriteAllTextAsync(file, json);
        return file;
    }
}

public sealed class RecipeTestsOnSqlite(SqliteSite site) : RecipeTests<SqliteSite>(site);

public sealed class RecipeTestsOnPostgreSql(PostgreSqlSite site) : RecipeTests<PostgreSqlSite>(site);
