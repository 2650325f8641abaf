using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Transparency.AuditTrail.Models;
using Transparency.Core.Recipes;
using Transparency.Core.Settings;
using Transparency.Integration.Tests.Replies;
using Transparency.Search.Services;
using static Transparency.Integration.Tests.Search.SearchSteps;

namespace Transparency.Integration.Tests.Search;

/// <summary>/admin/search: who may see it, the rebuild action, the synonyms form and the SearchSynonyms recipe step.</summary>
public abstract class SearchAdminTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : RepliesSite
{
    private const string Page = "/admin/search";

    [Fact]
    public async Task TheAdministratorSeesTheIndexAndTheSeededSynonyms()
    {
        await CatchUpAsync(site.Factory);
        using var admin = site.Factory.CreateSiteClient();
        await admin.SignInAsAdminAsync();
        var html = await admin.GetStringAsync(Page);
        Assert.Contains("已索引文档", html, StringComparison.Ordinal);
        Assert.Contains("流动摊贩/占道经营/马路市场", html, StringComparison.Ordinal);
        Assert.Contains("违建/违法建设", html, StringComparison.Ordinal);
        Assert.Contains("action=\"/admin/search/rebuild\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaffWithoutSearchManageCannotOpenThePageOrRebuild()
    {
        using var drafter = await site.SignInAsync("drafter");
        var page = await drafter.GetAsync(Page);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/account/denied", page.Headers.Location?.ToString(), StringComparison.Ordinal);

        // A valid antiforgery token of the drafter's own session, on a page the drafter may open.
        var post = await drafter.PostFormAsync("/admin/replies", "/admin/search/rebuild", []);
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.Contains("/account/denied", post.Headers.Location?.ToString(), StringComparison.Ordinal);

        using var anonymous = site.Factory.CreateSiteClient();
        var login = await anonymous.GetAsync(Page);
        Assert.Contains("/account/login", login.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RebuildNeedsTheAntiforgeryTokenAndIsAudited()
    {
        using var admin = site.Factory.CreateSiteClient();
        await admin.SignInAsAdminAsync();
        var forged = await admin.Http.PostAsync(Page + "/rebuild", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);

        await CatchUpAsync(site.Factory);
        var before = await SearchAsync(site.Factory, Query(null));
        var auditsBefore = await AuditCountAsync();
        var response = await admin.PostFormAsync(Page, Page + "/rebuild", []);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(auditsBefore + 1, await AuditCountAsync());

        await CatchUpAsync(site.Factory);
        var status = await site.Factory.Services.GetRequiredService<IndexStatus>().ReportAsync();
        Assert.NotNull(status.LastRebuildUtc);
        Assert.Equal(status.Head, status.Sequence);
        Assert.Equal(before.Total, (await SearchAsync(site.Factory, Query(null))).Total);
    }

    [Theory]
    [InlineData("路灯/城市照明\n垃圾", "第2行")]
    [InlineData("路灯/城市照明\n\n / ／ ", "第3行")]
    [InlineData("路灯//城市照明", "第1行")]
    [InlineData("路灯/路灯", "第1行")]
    [InlineData("路灯/一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一", "第1行")]
    [InlineData("路灯/城市照明\n\n路灯/照明设施", "第3行")]
    public async Task ABadSynonymListIsRefusedWithTheLineAndNothingIsSaved(string text, string named)
    {
        using var admin = site.Factory.CreateSiteClient();
        await admin.SignInAsAdminAsync();
        var before = await SynonymsAsync();
        var response = await admin.PostFormAsync(Page, Page + "/synonyms", [new("Synonyms", text)]);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(named, html, StringComparison.Ordinal);
        Assert.Equal(before, await SynonymsAsync());
    }

    [Fact]
    public async Task EditedSynonymsApplyToTheNextSearchWithoutReindexing()
    {
        var replyId = await PublishedReplyAsync(site, "关于searchmarkeredit井盖维修的建议", "<p>窨井盖破损问题已交由管养单位维修，searchmarkeredit。</p>");
        await CatchUpAsync(site.Factory);
        Assert.False(Has(await SearchAsync(site.Factory, "检查井"), replyId));

        using var admin = site.Factory.CreateSiteClient();
        await admin.SignInAsAdminAsync();
        var original = string.Join("\n", (await SynonymsAsync()).Select(g => string.Join("/", g)));
        var saved = await admin.PostFormAsync(Page, Page + "/synonyms", [new("Synonyms", original + "\n检查井，窨井盖")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        try
        {
            Assert.Contains(await SynonymsAsync(), g => g.SequenceEqual(["检查井", "窨井盖"]));
            Assert.True(Has(await SearchAsync(site.Factory, "检查井"), replyId), "the new synonym group was not used");
        }
        finally
        {
            var restored = await admin.PostFormAsync(Page, Page + "/synonyms", [new("Synonyms", original)]);
            Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        }

        Assert.False(Has(await SearchAsync(site.Factory, "检查井"), replyId));
    }

    [Theory]
    [InlineData("""{ "name": "SearchSynonyms" }""", "groups")]
    [InlineData("""{ "name": "SearchSynonyms", "groups": [ ["路灯", "城市照明"], ["渣土"] ] }""", "groups[1]")]
    [InlineData("""{ "name": "SearchSynonyms", "groups": [ ["路灯", 3] ] }""", "groups[0][1]")]
    [InlineData("""{ "name": "SearchSynonyms", "groups": [ "路灯/城市照明" ] }""", "groups[0]")]
    [InlineData("""{ "name": "SearchSynonyms", "groups": [ [] ] }""", "groups[0]")]
    [InlineData("""{ "name": "SearchSynonyms", "groups": [], "extra": 1 }""", "extra")]
    public async Task TheRecipeStepNamesTheBadEntry(string json, string field)
    {
        using var scope = site.Factory.Services.CreateScope();
        var step = scope.ServiceProvider.GetServices<IRecipeStep>().Single(s => s.Name == "SearchSynonyms");
        using var document = JsonDocument.Parse(json);
        var error = await Assert.ThrowsAsync<RecipeStepException>(() => step.ExecuteAsync(new RecipeStepContext(document.RootElement, "test", false), CancellationToken.None));
        Assert.Equal(field, error.Field);
    }

    private async Task<List<List<string>>> SynonymsAsync()
    {
        using var scope = site.Factory.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<ISettingsDocumentStore>().GetAsync<SynonymSettings>(SynonymSettings.DocumentName)).Groups;
    }

    private Task<int> AuditCountAsync()
        => site.QueryAsync(db => db.Set<AuditEvent>().CountAsync(e => e.Category == "Search" && e.Action == "IndexRebuildRequested"));
}

public sealed class SearchAdminTestsOnSqlite(SearchSqliteSite site) : SearchAdminTests<SearchSqliteSite>(site);

public sealed class SearchAdminTestsOnPostgreSql(SearchPostgreSqlSite site) : SearchAdminTests<SearchPostgreSqlSite>(site);
