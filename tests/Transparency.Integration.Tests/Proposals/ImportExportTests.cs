using System.Net;
using System.Text;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Transparency.Data;
using Transparency.Integration.Tests.Infrastructure;
using Transparency.Proposals;
using Transparency.Proposals.Models;
using static Transparency.Integration.Tests.Proposals.ImportTestData;

namespace Transparency.Integration.Tests.Proposals;

/// <summary>The export of the assignment table: same layout as the import (round trip), scoped to what the user may see.</summary>
public abstract class ImportExportTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : SiteFixture
{
    [Theory]
    [InlineData("xlsx")]
    [InlineData("csv")]
    public async Task AnExportedTableImportsIntoAnotherSessionAsTheSameProposals(string format)
    {
        var source = await CreateSessionAsync(site);
        var target = await CreateSessionAsync(site);
        using var admin = site.Factory.CreateSiteClient();
        await admin.SignInAsAdminAsync();
        var rows = GoodRows().Select(r => r.Concat(r == Header ? ["分办单位", "是否重点"] : new string?[] { "", "" }).ToArray()).ToList();
        rows[1][10] = "是";
        rows[3][8] = "=1+1 不是公式";
        rows.Add(["0004", "关于整治背街小巷环境的建议", "代表戊", "", Categories[0], "", "", "2020-07-10", "", "市容环境科、市政设施科", "否"]);
        await ImportAsync(admin, source.Id, rows);

        var export = await admin.GetAsync($"/admin/proposals/export.{format}?SessionId={source.Id}");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var bytes = await export.Content.ReadAsByteArrayAsync();
        if (format == "csv")
        {
            Assert.StartsWith("text/csv", export.Content.Headers.ContentType!.MediaType);
            Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]); // UTF-8 BOM: Excel opens Chinese right
            Assert.Contains("'=1+1 不是公式", Encoding.UTF8.GetString(bytes)); // not a formula in Excel
        }

        var header = ExportedRows(bytes, format)[0].Keys;
        Assert.Equal(["编号", "标题", "领衔代表", "附议代表", "类别", "主办单位", "协办单位", "分办单位", "交办日期", "建议内容", "状态", "主办期限", "协办期限", "是否重点"], header);

        var preview = await UploadAsync(admin, target.Id, $"export.{format}", bytes);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("id=\"new-representative-count\">0<", await preview.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await ConfirmAsync(admin, await preview.Content.ReadAsStringAsync())).StatusCode);

        var expected = await SnapshotAsync(source.Id);
        Assert.Equal(4, expected.Count);
        Assert.Equal(expected, await SnapshotAsync(target.Id));
    }

    [Fact]
    public async Task ExportedDeadlinesStatusAndKeyFlagAreWritten()
    {
        var session = await CreateSessionAsync(site);
        using var admin = site.Factory.CreateSiteClient();
        await admin.SignInAsAdminAsync();
        await ImportAsync(admin, session.Id, GoodRows());

        var row = ExportedRows(await admin.Http.GetByteArrayAsync($"/admin/proposals/export.xlsx?SessionId={session.Id}&Q=0001"), "xlsx").Single();

        Assert.Equal("0001", row["编号"]);
        Assert.Equal("代表乙、代表丙", row["附议代表"]);
        Assert.Equal("市容环境科", row["主办单位"]);
        Assert.Equal("执法支队、市市场监管局", row["协办单位"]);
        Assert.Equal("2020-07-08", row["交办日期"]);
        Assert.Equal("已交办", row["状态"]);
        Assert.Equal("2020-10-09", row["主办期限"]);
        Assert.Equal("2020-08-10", row["协办期限"]);
        Assert.Equal("否", row["是否重点"]);
    }

    [Fact]
    public async Task ADrafterExportsOnlyTheProposalsOfTheirUnit()
    {
        await GrantAsync(site, "Drafter", ProposalsPermissions.View);
        var session = await CreateSessionAsync(site);
        using var admin = site.Factory.CreateSiteClient();
        await admin.SignInAsAdminAsync();
        await ImportAsync(admin, session.Id, GoodRows());
        using var drafter = site.Factory.CreateSiteClient();
        Assert.Equal(HttpStatusCode.Redirect, (await drafter.SignInAsync("drafter", "Demo#Draft2020")).StatusCode); // 市容环境科

        foreach (var format in new[] { "csv", "xlsx" })
        {
            var response = await drafter.GetAsync($"/admin/proposals/export.{format}?SessionId={session.Id}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(["0001"], ExportedRows(await response.Content.ReadAsByteArrayAsync(), format).Select(r => r["编号"]));
        }

        Assert.Equal(3, ExportedRows(await admin.Http.GetByteArrayAsync($"/admin/proposals/export.csv?SessionId={session.Id}"), "csv").Count);
    }

    [Fact]
    public async Task ExportNeedsTheViewPermission()
    {
        using var representative = site.Factory.CreateSiteClient();
        Assert.Equal(HttpStatusCode.Redirect, (await representative.SignInAsync("representative", "Demo#Rep2020")).StatusCode);
        foreach (var format in new[] { "csv", "xlsx" })
        {
            var response = await representative.GetAsync($"/admin/proposals/export.{format}");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/denied", response.Headers.Location!.PathAndQuery);
        }
    }

    private static async Task ImportAsync(SiteClient admin, int sessionId, IEnumerable<string?[]> rows)
    {
        var preview = await UploadAsync(admin, sessionId, "table.xlsx", Xlsx(rows));
        var html = await preview.Content.ReadAsStringAsync();
        Assert.True(preview.StatusCode == HttpStatusCode.OK, await TextOfAsync(preview));
        Assert.Equal(HttpStatusCode.OK, (await ConfirmAsync(admin, html)).StatusCode);
    }

    /// <summary>The exported rows by header, read independently of the import code.</summary>
    private static List<Dictionary<string, string>> ExportedRows(byte[] bytes, string format)
    {
        if (format == "xlsx")
        {
            using var stream = new MemoryStream(bytes);
            return stream.Query(useHeaderRow: true, excelType: ExcelType.XLSX)
                .Cast<IDictionary<string, object?>>()
                .Select(r => r.ToDictionary(c => c.Key, c => c.Value?.ToString() ?? ""))
                .ToList();
        }

        using var reader = CsvReader.FromText(Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF'), new CsvReaderOptions { HasHeader = true });
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read())
        {
            rows.Add(reader.Headers.ToDictionary(h => h, reader.GetString));
        }

        return rows;
    }

    /// <summary>Everything the import sets on a session's proposals, comparable across sessions.</summary>
    private async Task<List<string>> SnapshotAsync(int sessionId)
    {
        using var scope = site.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TransparencyDbContext>();
        var proposals = await db.Set<Proposal>().AsNoTracking().Where(p => p.SessionId == sessionId)
            .Include(p => p.Category).Include(p => p.Assignments).Include(p => p.Representatives).ThenInclude(r => r.Representative)
            .AsSplitQuery().OrderBy(p => p.Number).ToListAsync();
        return proposals.Select(p => string.Join(" | ",
            p.Number, p.Title, p.Body, p.Category?.Name, p.IsKey, p.Kind, p.Status, p.ReceivedOn,
            string.Join("、", p.Representatives.OrderBy(r => r.Position).Select(r => $"{r.Representative.Name}#{r.Representative.Id}")),
            string.Join("、", p.Assignments.OrderBy(a => a.Role).ThenBy(a => a.UnitId).Select(a => $"{a.Role}:{a.UnitId}:{a.AssignedOn}:{a.DueOn}:{a.Status}"))))
            .ToList();
    }
}

public sealed class ImportExportTestsOnSqlite(SqliteSite site) : ImportExportTests<SqliteSite>(site);

public sealed class ImportExportTestsOnPostgreSql(PostgreSqlSite site) : ImportExportTests<PostgreSqlSite>(site);
