using System.IO.Compression;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Transparency.AuditTrail.Models;
using Transparency.Core.Recipes;
using Transparency.Data;
using Transparency.Integration.Tests.Infrastructure;
using Transparency.Proposals.Models;
using Transparency.Units.Models;

namespace Transparency.Integration.Tests.Proposals;

/// <summary>The registry, deadlines, lifecycle, unit scoping, dashboard, reports and dossier on the demo data.</summary>
public abstract partial class ProposalRegistryTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : SiteFixture
{
    private async Task<int> IdOfAsync(string number)
    {
        using var scope = site.Factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<TransparencyDbContext>().Set<Proposal>()
            .Where(p => p.Number == number).Select(p => p.Id).SingleAsync();
    }

    private async Task<int> DemoSessionAsync()
    {
        using var scope = site.Factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<TransparencyDbContext>().Set<Session>()
            .Where(s => s.Name == "市十六届人大三次会议").Select(s => s.Id).SingleAsync();
    }

    private async Task<SiteClient> SignInAsync(string user, string password)
    {
        var client = site.Factory.CreateSiteClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(user, password)).StatusCode);
        return client;
    }

    [Fact]
    public async Task DashboardShowsTheSeedsTwentyNineSuggestionsNineLeadAndTwentyCo()
    {
        using var coordinator = await SignInAsync("coordinator", "Demo#Coord2020");
        var html = await coordinator.GetStringAsync($"/admin/proposals/dashboard?sessionId={await DemoSessionAsync()}");
        Assert.True(html.Contains("data-figure=\"proposals\">29<", StringComparison.Ordinal), Regex.Match(html, "<section class=\"figures\"[\\s\\S]*?</section>").Value);
        Assert.Contains("data-figure=\"lead\">9<", html);
        Assert.Contains("data-figure=\"co\">20<", html);
        Assert.Contains("市城市管理局环境卫生管理处", html);
    }

    [Fact]
    public async Task DeadlinesFollowTheSessionRuleAndRollOverWeekends()
    {
        using var scope = site.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TransparencyDbContext>();
        var assignments = await db.Set<Assignment>().Where(a => a.Proposal.Number == "0012").ToListAsync();
        var lead = assignments.Single(a => a.Role == HandlingRole.Lead);
        var co = assignments.Single(a => a.Role == HandlingRole.Co);
        Assert.Equal(new DateOnly(2020, 6, 5), lead.AssignedOn);
        Assert.Equal(new DateOnly(2020, 9, 7), lead.DueOn); // 09-05 is a Saturday
        Assert.Equal(new DateOnly(2020, 7, 6), co.DueOn);   // 07-05 is a Sunday

        using var coordinator = await SignInAsync("coordinator", "Demo#Coord2020");
        var html = await coordinator.GetStringAsync($"/admin/proposals/{await IdOfAsync("0012")}");
        Assert.Contains("交办日期 2020-06-05，加 3 个月为 2020-09-05。", html);
        Assert.Contains("2020-09-05 不是工作日，顺延至下一个工作日 2020-09-07。", html);
        Assert.Contains("端午节", html); // a holiday inside the period is listed
    }

    [Fact]
    public async Task DrafterSeesOnlyTheProposalsOfTheirUnit()
    {
        using var drafter = await SignInAsync("drafter", "Demo#Draft2020");
        var html = await drafter.GetStringAsync("/admin/proposals");
        Assert.Contains("共 5 件", html); // 市容环境科: lead 0053, 0084; co 0127, 0151, 0172
        Assert.Contains("关于提升主干道沿街立面和市容环境品质的建议", html);
        Assert.DoesNotContain("关于加快推进生活垃圾分类示范片区建设的建议", html);
    }

    [Fact]
    public async Task DrafterGetsNotFoundOrForbiddenForAnotherUnitsProposalOnEveryRoute()
    {
        var other = await IdOfAsync("0012"); // 环卫处 leads, 市住建局 co-handles: nothing of 市容环境科
        using var drafter = await SignInAsync("drafter", "Demo#Draft2020");
        foreach (var url in new[]
        {
            $"/admin/proposals/{other}", $"/admin/proposals/{other}/audit", $"/admin/proposals/{other}/dossier",
            $"/admin/proposals/{other}/dossier/archive.zip", $"/admin/proposals/{other}/consultations",
            $"/admin/proposals/{other}/co-opinions",
        })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await drafter.GetAsync(url)).StatusCode);
        }

        foreach (var url in new[] { $"/admin/proposals/{other}/edit", $"/admin/proposals/{other}/assign", "/admin/proposals/dashboard", "/admin/proposals/import" })
        {
            var response = await drafter.GetAsync(url);
            Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden
                || response.Headers.Location?.PathAndQuery.StartsWith("/account/denied", StringComparison.Ordinal) == true, $"{url}: {(int)response.StatusCode}");
        }

        var post = await drafter.PostFormAsync("/admin/proposals", $"/admin/proposals/{other}/status", [new("to", "Withdrawn")]);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);

        // Every handling route, read or write, for the other unit's assignment.
        int aid;
        using (var scope = site.Factory.Services.CreateScope())
        {
            aid = await scope.ServiceProvider.GetRequiredService<TransparencyDbContext>().Set<Assignment>()
                .Where(a => a.ProposalId == other && a.Role == HandlingRole.Lead).Select(a => a.Id).SingleAsync();
        }

        foreach (var url in new[]
        {
            $"/admin/proposals/{other}/assignments/{aid}/extension", $"/admin/proposals/{other}/assignments/{aid}/return",
            $"/admin/proposals/{other}/assignments/{aid}/reassign", $"/admin/proposals/{other}/merge", $"/admin/proposals/{other}/co-opinion",
        })
        {
            AssertDenied(await drafter.GetAsync(url), url);
        }

        foreach (var (url, fields) in new (string, KeyValuePair<string, string>[])[]
        {
            ($"/admin/proposals/{other}/assignments/{aid}/extension", [new("RequestedDueOn", "2020-10-30"), new("Reason", "越权申请")]),
            ($"/admin/proposals/{other}/assignments/{aid}/return", [new("Reason", "越权退办")]),
            ($"/admin/proposals/{other}/consultations", [new("Date", "2020-06-20"), new("Mode", "Phone"), new("Stage", "Before"), new("Participants", "x"), new("Notes", "x")]),
            ($"/admin/proposals/{other}/co-opinion", [new("Text", "越权意见"), new("submit", "true")]),
            ($"/admin/proposals/{other}/merge", [new("IntoProposalId", "1")]),
        })
        {
            AssertDenied(await drafter.PostFormAsync("/admin/proposals", url, fields), "POST " + url);
        }

        using (var scope = site.Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TransparencyDbContext>();
            Assert.False(await db.Set<DeadlineExtension>().AnyAsync(e => e.AssignmentId == aid));
            Assert.False(await db.Set<Consultation>().AnyAsync(c => c.ProposalId == other && c.Notes == "x"));
            Assert.Equal(AssignmentStatus.Active, (await db.Set<Assignment>().SingleAsync(a => a.Id == aid)).Status);
        }
    }

    private static void AssertDenied(HttpResponseMessage response, string what)
        => Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden
            || response.Headers.Location?.PathAndQuery.StartsWith("/account/denied", StringComparison.Ordinal) == true,
            $"{what}: {(int)response.StatusCode} {response.Headers.Location}");

    [Fact]
    public async Task CoordinatorRegistersAssignsAndEveryStepIsAudited()
    {
        using var coordinator = await SignInAsync("coordinator", "Demo#Coord2020");
        // A session of its own, so that the demo session keeps its 29 suggestions for the other tests.
        var newSession = await coordinator.PostFormAsync("/admin/sessions/create", "/admin/sessions/create",
            [new("Name", "市十六届人大四次会议"), new("Year", "2021"), new("Kind", "Npc"), new("ReplyMonths", "3"), new("CoOpinionMonths", "1"), new("RehandlingMonths", "1")]);
        Assert.Equal(HttpStatusCode.Redirect, newSession.StatusCode);
        var form = await coordinator.GetStringAsync("/admin/proposals/create");
        var session = Regex.Match(form, "<option value=\"(\\d+)\"[^>]*>市十六届人大四次会议</option>").Groups[1].Value;
        var representative = Regex.Match(form, "<option value=\"(\\d+)\"[^>]*>张丽萍").Groups[1].Value;
        var created = await coordinator.PostFormAsync("/admin/proposals/create", "/admin/proposals/create",
        [
            new("SessionId", session), new("Kind", "Suggestion"), new("Number", "第0999号"), new("Title", "关于在城北新区增设垃圾分类投放点的建议"),
            new("Body", "城北新区入住率提高，分类投放点不足。"), new("ReceivedOn", "2020-05-21"), new("RepresentativeIds", representative),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = await IdOfAsync("0999");

        var duplicate = await coordinator.PostFormAsync("/admin/proposals/create", "/admin/proposals/create",
        [
            new("SessionId", session), new("Kind", "Suggestion"), new("Number", "0999"), new("Title", "重复编号"),
            new("ReceivedOn", "2020-05-21"), new("RepresentativeIds", representative),
        ]);
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Contains("本届次已有编号为 0999 的建议提案。", await duplicate.Content.ReadAsStringAsync());

        int unit;
        using (var scope = site.Factory.Services.CreateScope())
        {
            unit = await scope.ServiceProvider.GetRequiredService<TransparencyDbContext>().Set<Unit>().Where(u => u.ShortName == "环卫处").Select(u => u.Id).SingleAsync();
        }

        var assigned = await coordinator.PostFormAsync($"/admin/proposals/{id}/assign", $"/admin/proposals/{id}/assign",
            [new("AssignedOn", "2024-09-30"), new("LeadUnitId", unit.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        Assert.Equal(HttpStatusCode.Redirect, assigned.StatusCode);

        using (var scope = site.Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TransparencyDbContext>();
            var proposal = await db.Set<Proposal>().Include(p => p.Assignments).SingleAsync(p => p.Id == id);
            Assert.Equal(ProposalStatus.Assigned, proposal.Status);
            Assert.Equal(new DateOnly(2024, 12, 30), proposal.Assignments.Single().DueOn);
            var events = await db.Set<AuditEvent>().Where(e => e.SubjectId == $"proposal:{id}").OrderBy(e => e.Id).ToListAsync();
            Assert.Equal(["Registered", "StatusChanged", "Assigned"], events.Select(e => e.Action));
            var change = events.Single(e => e.Action == "StatusChanged");
            Assert.Equal(("Registered", "Assigned", "coordinator"), (change.FromState, change.ToState, change.Actor));

            // The workflow event is written in the same transaction as the assignment (the outbox), once per unit.
            var assignedEvent = Assert.Single(await db.Set<Transparency.Workflows.Models.OutboxEvent>().AsNoTracking()
                .Where(e => e.Subject == $"proposal:{id}" && e.EventName == Transparency.Core.Workflows.WorkflowEventNames.ProposalAssigned).ToListAsync());
            Assert.Contains("0999", assignedEvent.ValuesJson);
        }

        var audit = await coordinator.GetStringAsync($"/admin/proposals/{id}/audit");
        Assert.Contains("Registered → Assigned", audit);
    }

    [Fact]
    public async Task IllegalTransitionIsRefusedWithAMessageAndChangesNothing()
    {
        var id = await IdOfAsync("0035"); // Replied, then rated by its representatives (demo Feedback step): FeedbackReceived
        using var coordinator = await SignInAsync("coordinator", "Demo#Coord2020");
        var response = await coordinator.PostFormAsync($"/admin/proposals/{id}", $"/admin/proposals/{id}/status", [new("to", "Assigned")]);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("不能变更为“已交办”", await response.Content.ReadAsStringAsync());
        using var scope = site.Factory.Services.CreateScope();
        Assert.Equal(ProposalStatus.FeedbackReceived, (await scope.ServiceProvider.GetRequiredService<TransparencyDbContext>().Set<Proposal>().SingleAsync(p => p.Id == id)).Status);
    }

    [Fact]
    public async Task AnAssignedProposalCannotGoBackToRegisteredNorBeAssignedTwice()
    {
        var id = await IdOfAsync("0084"); // InProgress, assigned
        using var coordinator = await SignInAsync("coordinator", "Demo#Coord2020");
        var back = await coordinator.PostFormAsync($"/admin/proposals/{id}", $"/admin/proposals/{id}/status", [new("to", "Registered")]);
        Assert.Equal(HttpStatusCode.BadRequest, back.StatusCode);
        var none = await coordinator.PostFormAsync($"/admin/proposals/{id}", $"/admin/proposals/{id}/status", [new("comment", "no status chosen")]);
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        using var scope = site.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TransparencyDbContext>();
        Assert.Equal(ProposalStatus.InProgress, (await db.Set<Proposal>().SingleAsync(p => p.Id == id)).Status);
        Assert.Equal(3, await db.Set<Assignment>().CountAsync(a => a.ProposalId == id));
    }

    [Fact]
    public async Task WeeklyAndMonthlyReportsAreWorkbooksWithLaggingUnitsMarked()
    {
        using var coordinator = await SignInAsync("coordinator", "Demo#Coord2020");
        var session = await DemoSessionAsync();
        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync("/admin/proposals/dashboard")).StatusCode);
        foreach (var (url, sheet) in new[] { ($"/admin/proposals/reports/weekly.xlsx?sessionId={session}", "周报"), ($"/admin/proposals/reports/monthly.xlsx?sessionId={session}", "月通报") })
        {
            var response = await coordinator.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
            var rows = stream.Query(useHeaderRow: true, sheetName: sheet).Cast<IDictionary<string, object>>().ToList();
            Assert.Contains(rows, r => (string)r["承办单位"] == "市城市管理局市容环境科");
            // 0084 and 0092 are still in progress since 2020: their units are overdue and marked.
            Assert.Contains(rows, r => (string)r["承办单位"] == "市城市管理局市政设施科" && (string)r["督办提示"] == "★ 进度滞后");
        }
    }

    [Fact]
    public async Task DossierArchiveHoldsTheRecordAsJson()
    {
        var id = await IdOfAsync("0053");
        using var drafter = await SignInAsync("drafter", "Demo#Draft2020");
        var page = await drafter.GetStringAsync($"/admin/proposals/{id}/dossier");
        Assert.Contains("沟通联系", page);
        Assert.Contains("第1轮征询意见表：刘海波（满意）", page); // the feedback module's part (征询办复意见表)
        var response = await drafter.GetAsync($"/admin/proposals/{id}/dossier/archive.zip");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        using var reader = new StreamReader(zip.GetEntry("dossier.json")!.Open());
        var json = await reader.ReadToEndAsync();
        Assert.Contains("\"number\": \"0053\"", json);
        Assert.Contains("关于提升主干道沿街立面和市容环境品质的建议", json);
        Assert.Contains("\"consultations\"", json);
    }

    [Fact]
    public async Task ProposalsStepWithAnUnknownUnitIsRefusedWithItsPathAndAppliesNothing()
    {
        var file = Path.Combine(Path.GetTempPath(), $"bad-{Guid.NewGuid():N}.recipe.json");
        await File.WriteAllTextAsync(file, """
            { "name": "bad-proposals", "steps": [
              { "name": "Categories", "categories": [ "临时类别" ] },
              { "name": "Proposals", "session": "市十六届人大三次会议", "proposals": [
                { "number": "0888", "title": "测试", "representatives": ["张丽萍"], "receivedOn": "2020-05-20", "assignedOn": "2020-06-05", "leadUnit": "火星办事处" } ] } ] }
            """);
        using var scope = site.Factory.Services.CreateScope();
        var error = await Assert.ThrowsAsync<RecipeException>(() =>
            scope.ServiceProvider.GetRequiredService<IRecipeExecutor>().ExecuteAsync(file, new RecipeRunOptions()));
        Assert.Contains("steps[1] 'Proposals', field 'proposals[0].leadUnit': unknown unit '火星办事处'", error.Message);
        using var check = site.Factory.Services.CreateScope();
        var db = check.ServiceProvider.GetRequiredService<TransparencyDbContext>();
        Assert.False(await db.Set<Category>().AnyAsync(c => c.Name == "临时类别"));
        Assert.False(await db.Set<Proposal>().AnyAsync(p => p.Number == "0888"));
    }
}

public sealed class ProposalRegistryTestsOnSqlite(SqliteSite site) : ProposalRegistryTests<SqliteSite>(site);

public sealed class ProposalRegistryTestsOnPostgreSql(PostgreSqlSite site) : ProposalRegistryTests<PostgreSqlSite>(site);
