using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Transparency.Core.Calendar;
using Transparency.Data;
using Transparency.Integration.Tests.Infrastructure;
using Transparency.Proposals.Models;
using Transparency.Proposals.Services.Import;
using static Transparency.Integration.Tests.Proposals.ImportTestData;

namespace Transparency.Integration.Tests.Proposals;

/// <summary>The import service without the web layer: encodings, row numbering, all-or-nothing writes, batch deadlines.</summary>
public abstract class ImportServiceTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : SiteFixture
{
    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public async Task CsvInUtf8WithOrWithoutBomOrInGb18030IsRead(bool bom, bool gb18030)
    {
        var session = await CreateSessionAsync(site, SessionKind.Cppcc);
        using var scope = site.Factory.Services.CreateScope();
        var importer = scope.ServiceProvider.GetRequiredService<AssignmentTableImporter>();

        var (plan, result) = await importer.ImportAsync(Csv(GoodRows(), bom, gb18030), ImportFormat.Csv, session.Id, ProposalKind.CppccProposal);

        Assert.Empty(plan.Errors);
        Assert.Equal(3, result!.Proposals);
        var db = scope.ServiceProvider.GetRequiredService<TransparencyDbContext>();
        var first = await db.Set<Proposal>().Include(p => p.Representatives).ThenInclude(r => r.Representative)
            .SingleAsync(p => p.SessionId == session.Id && p.Number == "0001");
        Assert.Equal("关于加强解放路占道经营整治的建议", first.Title);
        Assert.Equal(ProposalKind.CppccProposal, first.Kind);
        Assert.All(first.Representatives, r => Assert.Equal(RepresentativeKind.Member, r.Representative.Kind));
    }

    [Fact]
    public async Task RowNumbersAreThoseExcelShowsWithATitleRowBlankRowsAndDateCells()
    {
        var session = await CreateSessionAsync(site);
        var good = GoodRows();
        var rows = new List<object?[]> { new object?[] { "2020年交办任务分解表" }, good[0], good[1], new object?[] { "" }, good[2], good[3] };
        rows[4] = [.. good[2]];
        rows[4][7] = new DateTime(2020, 7, 8); // an Excel date cell
        rows[5] = [.. good[3]];
        rows[5][6] = "不存在的协办单位";
        using var scope = site.Factory.Services.CreateScope();
        var importer = scope.ServiceProvider.GetRequiredService<AssignmentTableImporter>();

        var plan = await importer.PlanAsync(Xlsx(rows), ImportFormat.Xlsx, session.Id, ProposalKind.Suggestion);

        var error = Assert.Single(plan.Errors);
        Assert.Equal("第6行，协办单位：未知承办单位“不存在的协办单位”。", error.ToString());
        Assert.Equal(3, plan.RowCount);
        Assert.Equal(new DateOnly(2020, 7, 8), plan.Proposals.Single(p => p.Number == "0002").AssignedOn);
    }

    [Fact]
    public async Task AFailureWhileWritingLeavesNothingBehind()
    {
        var session = await CreateSessionAsync(site);
        using var scope = site.Factory.Services.CreateScope();
        var importer = scope.ServiceProvider.GetRequiredService<AssignmentTableImporter>();
        var tag = Tag();
        var plan = await importer.PlanAsync(Xlsx(GoodRows(tag)), ImportFormat.Xlsx, session.Id, ProposalKind.Suggestion);
        Assert.True(plan.IsValid);
        using (var other = site.Factory.Services.CreateScope())
        {
            // registered after the plan was checked: the unique index refuses the third row at write time
            var db = other.ServiceProvider.GetRequiredService<TransparencyDbContext>();
            db.Add(new Proposal { SessionId = session.Id, Number = "0003", Title = "手工登记", ReceivedOn = new DateOnly(2020, 7, 1), Status = ProposalStatus.Registered });
            await db.SaveChangesAsync();
        }

        await Assert.ThrowsAnyAsync<DbException>(() => importer.WriteAsync(plan));

        Assert.Equal(1, await CountAsync<Proposal>(site, q => q.Where(p => p.SessionId == session.Id)));
        Assert.Equal(0, await CountAsync<Representative>(site, q => q.Where(r => r.Name == $"代表丙{tag}")));
    }

    [Fact]
    public async Task BatchDeadlinesAreThoseOfTheWorkingDayCalendar()
    {
        using var scope = site.Factory.Services.CreateScope();
        var calendar = scope.ServiceProvider.GetRequiredService<IWorkingDayCalendar>();
        var dates = Enumerable.Range(0, 80).Select(i => new DateOnly(2020, 6, 25).AddDays(i)) // into National Day 2020
            .Concat(Enumerable.Range(0, 60).Select(i => new DateOnly(2023, 11, 20).AddDays(i))) // into Spring Festival 2024
            .Concat(Enumerable.Range(0, 40).Select(i => new DateOnly(2021, 1, 1).AddDays(i * 9)))
            .ToList();
        var batch = await DeadlineCalculator.LoadAsync(calendar, dates.Min(), dates.Max(), 3);

        foreach (var date in dates)
        {
            foreach (var months in new[] { 1, 3 })
            {
                Assert.Equal((await calendar.AddMonthsAsync(date, months)).Due, batch.AddMonths(date, months));
            }
        }
    }
}

public sealed class ImportServiceTestsOnSqlite(SqliteSite site) : ImportServiceTests<SqliteSite>(site);

public sealed class ImportServiceTestsOnPostgreSql(PostgreSqlSite site) : ImportServiceTests<PostgreSqlSite>(site);
