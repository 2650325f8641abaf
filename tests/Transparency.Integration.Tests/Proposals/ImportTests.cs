using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Transparency.AuditTrail.Models;
using Transparency.Data;
using Transparency.Integration.Tests.Infrastructure;
using Transparency.Proposals;
using Transparency.Proposals.Models;
using static Transparency.Integration.Tests.Proposals.ImportTestData;

namespace Transparency.Integration.Tests.Proposals;

/// <summary>The assignment table import through the back office: preview, confirmation, whole-file rejection, upload checks.</summary>
public abstract class ImportTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : SiteFixture
{
    [Fact]
    public async Task AGoodWorkbookIsPreviewedWithoutWritingThenImportedWithAssignmentsDeadlinesAndAudit()
    {
        var session = await CreateSessionAsync(site);
        var tag = Tag();
        using var admin = site.Factory.CreateSiteClient();
        await admin.SignInAsAdminAsync();

        var preview = await UploadAsync(admin, session.Id, "交办任务分解表.xlsx", Xlsx(GoodRows(tag)));
        var html = await preview.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("id=\"proposal-count\">3<", html);
        Assert.Contains("id=\"assignment-count\">6<", html);
        Assert.Contains("id=\"new-representative-count\">5<", html);
        Assert.True(OffersConfirmation(html));
        Assert.Equal(0, await CountAsync<Proposal>(site, q => q.Where(p => p.SessionId == session.Id)));
        Assert.Equal(0, await CountAsync<Representative>(site, q => q.Where(r => r.Name.EndsWith(tag))));

        var done = await ConfirmAsync(admin, html);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains("导入 3 件", await TextOfAsync(done));

        using var scope = site.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TransparencyDbContext>();
        var proposals = await db.Set<Proposal>().Where(p => p.SessionId == session.Id)
            .Include(p => p.Assignments).Include(p => p.Category).Include(p => p.Representatives).ThenInclude(r => r.Representative)
            .AsSplitQuery().OrderBy(p => p.Number).ToListAsync();
        Assert.Equal(["0001", "0002", "0003"], proposals.Select(p => p.Number));
        Assert.All(proposals, p => Assert.Equal(ProposalStatus.Assigned, p.Status));
        Assert.All(proposals, p => Assert.Equal(ProposalKind.Suggestion, p.Kind));

        var first = proposals[0];
        Assert.Equal(Categories[0], first.Category!.Name);
        Assert.Equal("解放路早市占道严重。", first.Body);
        Assert.Equal([$"代表甲{tag}", $"代表乙{tag}", $"代表丙{tag}"],
            first.Representatives.OrderBy(r => r.Position).Select(r => r.Representative.Name));
        Assert.All(first.Representatives, r => Assert.Equal(RepresentativeKind.Deputy, r.Representative.Kind));
        var lead = Assert.Single(first.Assignments, a => a.Role == HandlingRole.Lead);
        Assert.Equal(new DateOnly(2020, 7, 8), lead.AssignedOn);
        Assert.Equal(new DateOnly(2020, 10, 9), lead.DueOn); // 10-08 is in the National Day holiday: next working day
        Assert.Equal(lead.DueOn, lead.RuleDueOn);
        Assert.Equal(2, first.Assignments.Count(a => a.Role == HandlingRole.Co));
        Assert.All(first.Assignments.Where(a => a.Role == HandlingRole.Co), a => Assert.Equal(new DateOnly(2020, 8, 10), a.DueOn)); // 08-08 is a Saturday

        Assert.Equal(5, await db.Set<Representative>().CountAsync(r => r.Name.EndsWith(tag)));
        var subjects = proposals.Select(p => Proposal.SubjectId(p.Id)).ToList();
        Assert.Equal(3, await db.Set<AuditEvent>().CountAsync(e => subjects.Contains(e.SubjectId)));
        Assert.Equal(1, await db.Set<AuditEvent>().CountAsync(e => e.SubjectId == $"session:{session.Id}" && e.Summary.StartsWith("导入交办任务分解表：3 件")));
    }

    [Fact]
    public async Task AGoodCsvWithBomIsImported()
    {
        var session = await CreateSessionAsync(site);
        using var admin = site.Factory.CreateSiteClient();
        await admin.SignInAsAdminAsync();

        var preview = await UploadAsync(admin, session.Id, "table.CSV", Csv(GoodRows(), bom: true));
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ConfirmAsync(admin, await preview.Content.ReadAsStringAsync())).StatusCode);
        Assert.Equal(3, await CountAsync<Proposal>(site, q => q.Where(p => p.SessionId == session.Id && p.Status == ProposalStatus.Assigned)));
    }

    [Fact]
    public async Task OneRowWithAnUnknownUnitRejectsTheWholeFileNamingRowAndColumn()
    {
        var session = await CreateSessionAsync(site);
        var rows = GoodRows();
        rows[2][5] = "不存在的单位";
        using var admin = site.Factory.CreateSiteClient();
        await admin.SignInAsAdminAsync();

        var preview = await UploadAsync(admin, session.Id, "bad.xlsx", Xlsx(rows));

        Assert.Equal(HttpStatusCode.BadRequest, preview.StatusCode);
        var text = await TextOfAsync(preview);
        Assert.Contains("第3行，主办单位：未知承办单位“不存在的单位”。", text);
        Assert.Contains("整个文件未导入", text);
        Assert.False(OffersConfirmation(await preview.Content.ReadAsStringAsync()));
        Assert.Equal(0, await CountAsync<Proposal>(site, q => q.Where(p => p.SessionId == session.Id)));
    }

    [Fact]
    public async Task TheConfirmationChecksAgainAndImportsNothingWhenARowHasBecomeInvalid()
    {
        var session = await CreateSessionAsync(site);
        var tag = Tag();
        using var admin = site.Factory.CreateSiteClient();
        await admin.SignInAsAdminAsync();
        var preview = await UploadAsync(admin, session.Id, "table.xlsx", Xlsx(GoodRows(tag)));
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);

        using (var scope = site.Factory.Services.CreateScope())
        {
            // meanwhile someone registers 0003 by hand
            var db = scope.ServiceProvider.GetRequiredService<TransparencyDbContext>();
            db.Add(new Proposal { SessionId = session.Id, Number = "0003", Title = "手工登记", ReceivedOn = new DateOnly(2020, 7, 1), Status = ProposalStatus.Registered });
            await db.SaveChangesAsync();
        }

        var confirm = await ConfirmAsync(admin, await preview.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, confirm.StatusCode);
        Assert.Contains("第4行，编号：本届次已有编号为“0003”的建议提案。", await TextOfAsync(confirm));
        Assert.Equal(1, await CountAsync<Proposal>(site, q => q.Where(p => p.SessionId == session.Id)));
        Assert.Equal(0, await CountAsync<Representative>(site, q => q.Where(r => r.Name == $"代表戊{tag}")));
    }

    [Fact]
    public async Task DuplicateNumbersInTheFileAndInTheSessionAreReported()
    {
        var session = await CreateSessionAsync(site);
        using (var scope = site.Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TransparencyDbContext>();
            db.Add(new Proposal { SessionId = session.Id, Number = "0001", Title = "已有", ReceivedOn = new DateOnly(2020, 7, 1), Status = ProposalStatus.Registered });
            await db.SaveChangesAsync();
        }

        var rows = GoodRows();
        rows[3][0] = "第0002号";
        using var admin = site.Factory.CreateSiteClient();
        await admin.SignInAsAdminAsync();

        var preview = await UploadAsync(admin, session.Id, "dup.csv", Csv(rows));

        Assert.Equal(HttpStatusCode.BadRequest, preview.StatusCode);
        var text = await TextOfAsync(preview);
        Assert.Contains("第2行，编号：本届次已有编号为“0001”的建议提案。", text);
        Assert.Contains("第4行，编号：编号“0002”与第3行重复。", text);
        Assert.Equal(1, await CountAsync<Proposal>(site, q => q.Where(p => p.SessionId == session.Id)));
    }

    [Fact]
    public async Task BadOrMissingValuesAreReportedRowByRow()
    {
        var session = await CreateSessionAsync(site);
        var rows = GoodRows();
        rows[1][7] = "2020-13-45";
        rows[2][1] = "";
        rows[2][2] = "";
        rows[3][1] = new string('长', 201);
        rows[3][4] = "不存在的类别";
        rows[3][7] = "";
        using var admin = site.Factory.CreateSiteClient();
        await admin.SignInAsAdminAsync();

        var preview = await UploadAsync(admin, session.Id, "bad.xlsx", Xlsx(rows));

        Assert.Equal(HttpStatusCode.BadRequest, preview.StatusCode);
        var text = await TextOfAsync(preview);
        Assert.Contains("第2行，交办日期：“2020-13-45”不是有效日期", text);
        Assert.Contains("第3行，标题：标题不能为空。", text);
        Assert.Contains("第3行，领衔代表：领衔代表不能为空。", text);
        Assert.Contains("第4行，标题：标题不能超过200个字符。", text);
        Assert.Contains("第4行，类别：未知类别“不存在的类别”。", text);
        Assert.Contains("第4行，交办日期：交办日期不能为空。", text);
        Assert.Equal(0, await CountAsync<Proposal>(site, q => q.Where(p => p.SessionId == session.Id)));
    }

    [Fact]
    public async Task AMissingHeaderIsReported()
    {
        var session = await CreateSessionAsync(site);
        var rows = GoodRows().Select(r => r.Where((_, i) => i != 5).ToArray()).ToList(); // drop 主办单位
        using var admin = site.Factory.CreateSiteClient();
        await admin.SignInAsAdminAsync();

        var preview = await UploadAsync(admin, session.Id, "noheader.csv", Csv(rows));

        Assert.Equal(HttpStatusCode.BadRequest, preview.StatusCode);
        Assert.Contains("第1行，主办单位：缺少必需的列。", await TextOfAsync(preview));
    }

    [Theory]
    [InlineData("table.txt", false)]
    [InlineData("table.xls", false)]
    [InlineData("table.xlsx", false)] // CSV content under an .xlsx name
    [InlineData("table.csv", true)] // workbook content under a .csv name
    [InlineData("..\\..\\table.pdf", true)]
    public async Task AFileThatIsNotAnXlsxOrCsvIsRefusedWith400(string fileName, bool workbookContent)
    {
        var session = await CreateSessionAsync(site);
        using var admin = site.Factory.CreateSiteClient();
        await admin.SignInAsAdminAsync();

        var response = await UploadAsync(admin, session.Id, fileName, workbookContent ? Xlsx(GoodRows()) : Csv(GoodRows()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("只能导入 .xlsx 或 .csv 文件", await TextOfAsync(response));
        Assert.Equal(0, await CountAsync<Proposal>(site, q => q.Where(p => p.SessionId == session.Id)));
    }

    [Fact]
    public async Task AConfirmationWithAForgedOrUnknownTokenIsRefused()
    {
        using var admin = site.Factory.CreateSiteClient();
        await admin.SignInAsAdminAsync();
        var page = await admin.GetStringAsync("/admin/proposals/import");
        foreach (var token in new[] { "../../appsettings", Guid.NewGuid().ToString("N"), "" })
        {
            using var form = new FormUrlEncodedContent([new("__RequestVerificationToken", SiteClient.AntiforgeryToken(page)), new("token", token)]);
            var response = await admin.Http.PostAsync("/admin/proposals/import/confirm", form);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("上传的文件已过期或不存在", await TextOfAsync(response));
        }
    }

    [Fact]
    public async Task ADrafterMayNotImport()
    {
        await GrantAsync(site, "Drafter", ProposalsPermissions.View);
        var session = await CreateSessionAsync(site);
        using var drafter = site.Factory.CreateSiteClient();
        Assert.Equal(HttpStatusCode.Redirect, (await drafter.SignInAsync("drafter", "Demo#Draft2020")).StatusCode);

        var form = await drafter.GetAsync("/admin/proposals/import");
        Assert.StartsWith("/account/denied", form.Headers.Location!.PathAndQuery);

        var page = await drafter.GetStringAsync("/admin");
        using var upload = new MultipartFormDataContent
        {
            { new StringContent(SiteClient.AntiforgeryToken(page)), "__RequestVerificationToken" },
            { new StringContent(session.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), "SessionId" },
            { new ByteArrayContent(Csv(GoodRows())), "file", "table.csv" },
        };
        var post = await drafter.Http.PostAsync("/admin/proposals/import", upload);
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.StartsWith("/account/denied", post.Headers.Location!.PathAndQuery);
        Assert.Equal(0, await CountAsync<Proposal>(site, q => q.Where(p => p.SessionId == session.Id)));
    }
}

public sealed class ImportTestsOnSqlite(SqliteSite site) : ImportTests<SqliteSite>(site);

public sealed class ImportTestsOnPostgreSql(PostgreSqlSite site) : ImportTests<PostgreSqlSite>(site);
