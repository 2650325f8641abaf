using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Transparency.AuditTrail.Models;
using Transparency.Calendar.Models;
using Transparency.Core.Calendar;
using Transparency.Core.Recipes;
using Transparency.Data;
using Transparency.Integration.Tests.Infrastructure;

namespace Transparency.Integration.Tests.Calendar;

public abstract class CalendarSiteTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : SiteFixture
{
    [Fact]
    public async Task TheSetupRecipeLoadedTheHolidays()
    {
        using var scope = site.Factory.Services.CreateScope();
        var calendar = scope.ServiceProvider.GetRequiredService<IWorkingDayCalendar>();

        Assert.False(await calendar.IsWorkingDayAsync(new DateOnly(2024, 2, 10)));
        Assert.True(await calendar.IsWorkingDayAsync(new DateOnly(2024, 2, 4)));
        Assert.Equal(
            [new SpecialDay(new DateOnly(2024, 2, 4), false, "春节调休"), new SpecialDay(new DateOnly(2024, 2, 10), true, "春节")],
            (await calendar.SpecialDaysAsync(new DateOnly(2024, 2, 1), new DateOnly(2024, 2, 10))).Where(d => d.Date.Day is 4 or 10));
        Assert.Equal(new DateOnly(2024, 10, 12), await calendar.AddWorkingDaysAsync(new DateOnly(2024, 9, 27), 7));
        Assert.Equal(7, await calendar.CountWorkingDaysAsync(new DateOnly(2024, 9, 27), new DateOnly(2024, 10, 12)));

        var deadline = await calendar.AddMonthsAsync(new DateOnly(2020, 7, 8), 3);
        Assert.Equal(new DateOnly(2020, 10, 9), deadline.Due);
        Assert.Equal("国庆节、中秋节", Assert.Single(deadline.SkippedDays).Name);
    }

    [Fact]
    public async Task TheHolidaysStepRefusesABadDateWithItsPathAndAppliesNothing()
    {
        var file = await WriteRecipeAsync($$"""
            { "name": "bad-holidays-{{Guid.NewGuid():N}}", "steps": [ { "name": "Holidays", "years": [
              { "year": 2040, "holidays": [ { "name": "元旦", "from": "2040-01-01", "to": "2040-01-01" } ] },
              { "year": 2041, "holidays": [ { "name": "元旦", "from": "2041-01-01", "to": "2041-01-01" },
                                            { "name": "春节", "from": "2041-01-31", "to": "2041-02-31" } ] } ] } ] }
            """);
        using var scope = site.Factory.Services.CreateScope();
        var executor = scope.ServiceProvider.GetRequiredService<IRecipeExecutor>();

        var error = await Assert.ThrowsAsync<RecipeException>(() => executor.ExecuteAsync(file, new RecipeRunOptions()));

        Assert.Contains("steps[0] 'Holidays', field 'years[1].holidays[1].to'", error.Message);
        using var check = site.Factory.Services.CreateScope();
        var db = check.ServiceProvider.GetRequiredService<TransparencyDbContext>();
        Assert.False(await db.Set<CalendarDay>().AnyAsync(d => d.Date >= new DateOnly(2040, 1, 1) && d.Date <= new DateOnly(2041, 12, 31)));
    }

    [Fact]
    public async Task ImportingAYearAgainReplacesItsDaysAndLeavesOtherYearsAlone()
    {
        using var scope = site.Factory.Services.CreateScope();
        var executor = scope.ServiceProvider.GetRequiredService<IRecipeExecutor>();
        await executor.ExecuteAsync(await WriteRecipeAsync($$"""
            { "name": "holidays-{{Guid.NewGuid():N}}", "steps": [ { "name": "Holidays", "years": [
              { "year": 2042, "holidays": [ { "name": "劳动节", "from": "2042-05-01", "to": "2042-05-05" } ], "workdays": [ { "name": "劳动节调休", "date": "2042-04-27" } ] },
              { "year": 2043, "holidays": [ { "name": "元旦", "from": "2043-01-01", "to": "2043-01-01" } ] } ] } ] }
            """), new RecipeRunOptions());
        await executor.ExecuteAsync(await WriteRecipeAsync($$"""
            { "name": "holidays-{{Guid.NewGuid():N}}", "steps": [ { "name": "Holidays", "years": [
              { "year": 2042, "holidays": [ { "name": "劳动节（更正）", "from": "2042-05-01", "to": "2042-05-03" } ] } ] } ] }
            """), new RecipeRunOptions());

        using var check = site.Factory.Services.CreateScope();
        var calendar = check.ServiceProvider.GetRequiredService<IWorkingDayCalendar>();
        var days2042 = await calendar.SpecialDaysAsync(new DateOnly(2042, 1, 1), new DateOnly(2042, 12, 31));
        Assert.Equal([1, 2, 3], days2042.Select(d => d.Date.Day));
        Assert.All(days2042, d => Assert.Equal("劳动节（更正）", d.Name));
        Assert.Single(await calendar.SpecialDaysAsync(new DateOnly(2043, 1, 1), new DateOnly(2043, 12, 31)));
    }

    [Fact]
    public async Task AdministratorAddsAndRemovesADayAndBothAreAudited()
    {
        using var admin = site.Factory.CreateSiteClient();
        await admin.SignInAsAdminAsync();

        var added = await admin.PostFormAsync("/admin/calendar", "/admin/calendar/add",
            [new("Date", "2044-03-08"), new("Kind", "holiday"), new("Name", "测试假日")]);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal("/admin/calendar?year=2044", added.Headers.Location!.OriginalString);
        var page = await admin.GetStringAsync("/admin/calendar?year=2044");
        Assert.Contains("测试假日", page);
        Assert.Contains("action=\"/admin/calendar/2044-03-08/delete\"", page);
        using (var scope = site.Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TransparencyDbContext>();
            Assert.True((await db.Set<CalendarDay>().SingleAsync(d => d.Date == new DateOnly(2044, 3, 8))).IsHoliday);
            Assert.True(await db.Set<AuditEvent>().AnyAsync(e => e.Category == "Calendar" && e.Action == "Added" && e.SubjectId == "2044-03-08" && e.Actor == "admin"));
            Assert.False(await scope.ServiceProvider.GetRequiredService<IWorkingDayCalendar>().IsWorkingDayAsync(new DateOnly(2044, 3, 8)));
        }

        var removed = await admin.PostFormAsync("/admin/calendar?year=2044", "/admin/calendar/2044-03-08/delete", []);
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        using (var scope = site.Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TransparencyDbContext>();
            Assert.False(await db.Set<CalendarDay>().AnyAsync(d => d.Date == new DateOnly(2044, 3, 8)));
            Assert.True(await db.Set<AuditEvent>().AnyAsync(e => e.Category == "Calendar" && e.Action == "Removed" && e.SubjectId == "2044-03-08"));
        }

        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostFormAsync("/admin/calendar", "/admin/calendar/2044-03-08/delete", [])).StatusCode);
    }

    [Theory]
    [InlineData("2024-10-01", "holiday", "重复", "日期：2024-10-01 已在工作日历中（国庆节）")]
    [InlineData("2045-02-30", "holiday", "无效日期", "日期：请按 yyyy-MM-dd 填写")]
    [InlineData("2045-03-01", "rest", "无效类型", "类型：请选择")]
    [InlineData("2045-03-06", "workday", "平日调休", "日期：2045-03-06 是周一，调休上班日应为周六或周日。")]
    [InlineData("2045-03-07", "holiday", "", "名称：请填写")]
    public async Task ABadOrDuplicateDayIsRefusedNamingTheField(string date, string kind, string name, string message)
    {
        using var admin = site.Factory.CreateSiteClient();
        await admin.SignInAsAdminAsync();

        var response = await admin.PostFormAsync("/admin/calendar", "/admin/calendar/add", [new("Date", date), new("Kind", kind), new("Name", name)]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
        using var scope = site.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TransparencyDbContext>();
        Assert.False(await db.Set<CalendarDay>().AnyAsync(d => d.Date >= new DateOnly(2045, 1, 1) && d.Date <= new DateOnly(2045, 12, 31)));
        Assert.Equal("国庆节", (await db.Set<CalendarDay>().SingleAsync(d => d.Date == new DateOnly(2024, 10, 1))).Name);
    }

    [Fact]
    public async Task TheCalculatorExplainsADeadline()
    {
        using var admin = site.Factory.CreateSiteClient();
        await admin.SignInAsAdminAsync();

        var html = await admin.GetStringAsync("/admin/calendar?year=2020&start=2020-07-08&months=3");
        Assert.Contains("期限：2020-10-09（周五）", html);
        Assert.Contains("2020-07-08（周三） 加 3 个月为 2020-10-08（周四）。", html);
        Assert.Contains("国庆节、中秋节", html);

        var bad = await admin.GetAsync("/admin/calendar?start=2020-07-08&months=many");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("计算器月数", await bad.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ADrafterIsDenied()
    {
        using var drafter = site.Factory.CreateSiteClient();
        await drafter.SignInAsync("drafter", "Demo#Draft2020");

        var page = await drafter.GetAsync("/admin/calendar");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/denied", page.Headers.Location!.PathAndQuery);
        var post = await drafter.PostFormAsync("/admin", "/admin/calendar/add", [new("Date", "2046-03-08"), new("Kind", "holiday"), new("Name", "越权")]);
        Assert.StartsWith("/account/denied", post.Headers.Location!.PathAndQuery);

        using var scope = site.Factory.Services.CreateScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<TransparencyDbContext>().Set<CalendarDay>().AnyAsync(d => d.Date == new DateOnly(2046, 3, 8)));
    }

    private static async Task<string> WriteRecipeAsync(string json)
    {
        var file = Path.Combine(Path.GetTempPath(), $"test-{Guid.NewGuid():N}.recipe.json");
        await File.WriteAllTextAsync(file, json);
        return file;
    }
}

public sealed class CalendarSiteTestsOnSqlite(SqliteSite site) : CalendarSiteTests<SqliteSite>(site);

public sealed class CalendarSiteTestsOnPostgreSql(PostgreSqlSite site) : CalendarSiteTests<PostgreSqlSite>(site);
