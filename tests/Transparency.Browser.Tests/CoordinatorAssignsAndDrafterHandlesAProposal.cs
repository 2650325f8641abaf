using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Transparency.Core.Calendar;
using Transparency.Proposals.Services;

namespace Transparency.Browser.Tests;

/// <summary>
/// The proposal back office on the demo data: the coordinator (督办员) registers a suggestion and assigns it to a lead
/// and a co unit; the drafter of the co unit (市容环境科) finds it, records a consultation (面商) and drafts, then
/// submits, the co-handling opinion (协办意见).
/// </summary>
public sealed class CoordinatorAssignsAndDrafterHandlesAProposal(DemoBrowserSite site) : IClassFixture<DemoBrowserSite>
{
    private const float NavigationTimeout = 15_000; // a page after a POST on a busy machine; other expectations keep the 5 s default
    private const string SessionName = "市十六届人大三次会议";
    private const string Number = "0901";
    private const string Title = "关于在城北新区增设再生资源回收点的建议";
    private const string Body = "城北新区入住居民逐年增加，但区内再生资源回收点不足，废旧纸板、塑料和家电随意堆放。\n建议在各社区合理布点，设立规范的再生资源回收站点，并公布回收时间和联系方式。";
    private const string LeadRepresentative = "张丽萍";
    private const string LeadUnit = "市城市管理局环境卫生管理处";
    private const string LeadUnitShort = "环卫处";
    private const string CoUnit = "市城市管理局市容环境科";
    private const string CoUnitShort = "市容环境科";
    private const string Participants = "张丽萍代表、市容环境科李建军、环卫处工作人员";
    private const string Notes = "与张丽萍代表当面沟通了回收点选址和运营方式，代表希望优先在老旧小区周边布点。";
    private const string OpinionDraft = "市容环境科将配合环卫处做好回收点选址工作。";
    private const string OpinionFinal = "市容环境科将配合环卫处做好回收点选址工作，并在设置回收点后加强周边市容巡查，及时清理乱堆乱放。";

    [Fact]
    public async Task Registers_assigns_records_a_consultation_and_submits_the_co_opinion()
    {
        var (today, leadDue, coDue) = await DatesAsync();
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        try
        {
            // 1. The coordinator registers the suggestion.
            await SignInAsync(page, DemoBrowserSite.CoordinatorUser, DemoBrowserSite.CoordinatorPassword);
            await page.GotoAsync("/admin/proposals/create");
            await ExpectHeadingAsync(page, "登记建议提案");
            await page.GetByLabel("届次", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = SessionName });
            Assert.Equal("建议", await SelectedTextAsync(page.GetByLabel("类型", new() { Exact = true })));
            await page.GetByLabel("编号", new() { Exact = true }).FillAsync(Number);
            await page.GetByLabel("标题", new() { Exact = true }).FillAsync(Title);
            await page.GetByLabel("建议内容", new() { Exact = true }).FillAsync(Body);
            await page.GetByLabel("领衔代表", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = $"{LeadRepresentative}（城东区代表团）" });
            await page.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();

            await Assertions.Expect(page).ToHaveURLAsync(PathPattern(@"/admin/proposals/\d+"), new() { Timeout = NavigationTimeout });
            var id = int.Parse(new Uri(page.Url).AbsolutePath.Split('/')[^1], CultureInfo.InvariantCulture);
            var details = $"/admin/proposals/{id}";
            await ExpectHeadingAsync(page, $"第{Number}号　{Title}");
            await ExpectFactAsync(page, "届次", SessionName);
            await ExpectFactAsync(page, "状态", "已登记");
            await ExpectFactAsync(page, "领衔代表", LeadRepresentative);
            await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "交办与办理期限" })).ToContainTextAsync("尚未交办。");

            // 2. It is assigned to a lead and a co unit; the deadlines follow the session's rules (3 and 1 months).
            await page.GetByRole(AriaRole.Link, new() { Name = "交办", Exact = true }).ClickAsync();
            await ExpectPathAsync(page, $"{details}/assign");
            await ExpectHeadingAsync(page, $"交办第{Number}号　{Title}");
            await page.GetByLabel("交办日期", new() { Exact = true }).FillAsync(Iso(today));
            await page.GetByLabel("主办单位", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = LeadUnit });
            await page.GetByRole(AriaRole.Group, new() { Name = "协办单位", Exact = true })
                .GetByRole(AriaRole.Checkbox, new() { Name = CoUnit, Exact = true }).CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "交办", Exact = true }).ClickAsync();

            await ExpectPathAsync(page, details);
            await ExpectHeadingAsync(page, $"第{Number}号　{Title}");
            await ExpectFactAsync(page, "状态", "已交办");
            var assignments = page.GetByRole(AriaRole.Region, new() { Name = "交办与办理期限" });
            await ExpectRowAsync(assignments, LeadUnit, "主办", Iso(today), Iso(leadDue), "办理中");
            await ExpectRowAsync(assignments, CoUnit, "协办", Iso(today), Iso(coDue), "办理中");
            await Assertions.Expect(assignments.GetByText($"{LeadUnitShort}的办理期限是怎样计算的")).ToBeVisibleAsync();
            await Assertions.Expect(assignments.GetByText($"{CoUnitShort}的办理期限是怎样计算的")).ToBeVisibleAsync();
            await Assertions.Expect(assignments).ToContainTextAsync($"现行办理期限：{Iso(leadDue)}。");
            await Assertions.Expect(assignments).ToContainTextAsync($"现行办理期限：{Iso(coDue)}。");
            var panel = page.GetByRole(AriaRole.Region, new() { Name = "办理情况" });
            await ExpectRowAsync(panel, LeadUnitShort, "主办", Iso(leadDue));
            await ExpectRowAsync(panel, CoUnitShort, "协办", Iso(coDue));
            await ScreenshotAsync(page, "assign-details.png");

            // 3. The drafter of the co unit finds it and records a consultation.
            await page.GetByRole(AriaRole.Button, new() { Name = "退出登录", Exact = true }).ClickAsync();
            await ExpectPathAsync(page, "/");
            await SignInAsync(page, DemoBrowserSite.DrafterUser, DemoBrowserSite.DrafterPassword);
            await page.GotoAsync("/admin/proposals");
            await ExpectHeadingAsync(page, "建议提案");
            var listRow = page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = Title, Exact = true }) });
            await Assertions.Expect(listRow).ToHaveCountAsync(1);
            foreach (var text in new[] { SessionName, Number, LeadRepresentative, $"{LeadUnitShort}（主办）、{CoUnitShort}（协办）", Iso(leadDue), "已交办" })
            {
                await Assertions.Expect(listRow).ToContainTextAsync(text);
            }

            await ScreenshotAsync(page, "drafter-list.png");
            await listRow.GetByRole(AriaRole.Link, new() { Name = Title, Exact = true }).ClickAsync();
            await ExpectPathAsync(page, details);
            await ExpectHeadingAsync(page, $"第{Number}号　{Title}");
            panel = page.GetByRole(AriaRole.Region, new() { Name = "办理情况" });
            await ExpectOwnCoOpinionAsync(page, "（未起草）");

            await panel.GetByRole(AriaRole.Link, new() { Name = "沟通联系记录（0）", Exact = true }).ClickAsync();
            await ExpectPathAsync(page, $"{details}/consultations");
            await ExpectHeadingAsync(page, "沟通联系记录");
            await Assertions.Expect(page.GetByText("尚无沟通联系记录。")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "记录沟通联系", Exact = true })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByText($"承办单位：{CoUnitShort}", new() { Exact = true })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByLabel("沟通日期", new() { Exact = true })).ToHaveValueAsync(Iso(today));
            await page.GetByLabel("沟通方式", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "面商" });
            await page.GetByLabel("沟通阶段", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "办理前" });
            await page.GetByLabel("参加人员", new() { Exact = true }).FillAsync(Participants);
            await page.GetByLabel("沟通情况", new() { Exact = true }).FillAsync(Notes);
            await page.GetByRole(AriaRole.Button, new() { Name = "保存记录", Exact = true }).ClickAsync();

            await ExpectPathAsync(page, $"{details}/consultations");
            await ExpectHeadingAsync(page, "沟通联系记录");
            await Assertions.Expect(page.GetByText("尚无沟通联系记录。")).ToHaveCountAsync(0);
            await ExpectRowAsync(page.Locator("main"), Participants, Iso(today), CoUnitShort, "面商", "办理前", Notes);
            await ScreenshotAsync(page, "consultation.png");

            // 4. The co unit drafts its opinion, saves the draft, then submits it to the lead unit.
            await page.GetByRole(AriaRole.Link, new() { Name = "返回建议提案详情", Exact = true }).ClickAsync();
            await ExpectPathAsync(page, details);
            panel = page.GetByRole(AriaRole.Region, new() { Name = "办理情况" });
            await Assertions.Expect(panel.GetByRole(AriaRole.Link, new() { Name = "沟通联系记录（1）", Exact = true })).ToBeVisibleAsync();
            await panel.GetByRole(AriaRole.Link, new() { Name = "本单位协办意见", Exact = true }).ClickAsync();
            await ExpectPathAsync(page, $"{details}/co-opinion");
            await ExpectHeadingAsync(page, $"协办意见：{CoUnitShort}");
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync($"协办意见报送期限：{Iso(coDue)}。");
            var opinion = page.GetByLabel("意见内容", new() { Exact = true });
            await Assertions.Expect(opinion).ToHaveTextAsync("");
            await opinion.FillAsync(OpinionDraft);
            await page.GetByRole(AriaRole.Button, new() { Name = "保存草稿", Exact = true }).ClickAsync();

            await ExpectPathAsync(page, $"{details}/co-opinion", @"assignment=\d+");
            await Assertions.Expect(page.GetByText("草稿最后保存于")).ToBeVisibleAsync();
            await Assertions.Expect(opinion).ToHaveTextAsync(OpinionDraft);
            await page.GotoAsync(details);
            await ExpectOwnCoOpinionAsync(page, "（草稿）");

            await page.GotoAsync($"{details}/co-opinion");
            await ExpectHeadingAsync(page, $"协办意见：{CoUnitShort}");
            await Assertions.Expect(opinion).ToHaveTextAsync(OpinionDraft);
            await opinion.FillAsync(OpinionFinal);
            await page.GetByRole(AriaRole.Button, new() { Name = "报送主办单位", Exact = true }).ClickAsync();

            await ExpectPathAsync(page, $"{details}/co-opinion", @"assignment=\d+");
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"已于{Iso(today)}");
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("报送主办单位。");
            await Assertions.Expect(page.GetByText(OpinionFinal, new() { Exact = true })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByLabel("意见内容")).ToHaveCountAsync(0);
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "报送主办单位" })).ToHaveCountAsync(0);
            await ScreenshotAsync(page, "co-opinion.png");

            await page.GetByRole(AriaRole.Link, new() { Name = "返回建议提案详情", Exact = true }).ClickAsync();
            await ExpectPathAsync(page, details);
            await ExpectOwnCoOpinionAsync(page, "（已提交）");
        }
        catch
        {
            // Whatever the page showed when the test failed (an error page, a validation message) is the best clue.
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSite.ScreenshotFolder, "failure-proposals.png"), FullPage = true });
            throw;
        }
    }

    /// <summary>Today in China and the deadlines the site computes for a lead (3 months) and a co unit (1 month) assigned today.</summary>
    private async Task<(DateOnly Today, DateOnly LeadDue, DateOnly CoDue)> DatesAsync()
    {
        using var scope = site.Services.CreateScope();
        var today = scope.ServiceProvider.GetRequiredService<TimeProvider>().Today();
        var calendar = scope.ServiceProvider.GetRequiredService<IWorkingDayCalendar>();
        return (today, (await calendar.AddMonthsAsync(today, 3)).Due, (await calendar.AddMonthsAsync(today, 1)).Due);
    }

    private static async Task SignInAsync(IPage page, string userName, string password)
    {
        await page.GotoAsync("/account/login");
        await page.GetByLabel("用户名").FillAsync(userName);
        await page.GetByLabel("密码").FillAsync(password);
        await page.Locator("form[action='/account/login'] button[type=submit]").ClickAsync();
        await ExpectPathAsync(page, "/admin");
        await Assertions.Expect(page.Locator("header .user")).ToHaveTextAsync(userName);
    }

    private static Task ExpectHeadingAsync(IPage page, string text)
        => Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(text);

    /// <summary>The value next to a label in the details page's fact list (dt/dd).</summary>
    private static Task ExpectFactAsync(IPage page, string term, string value)
        => Assertions.Expect(page.Locator($"dl.facts dt:text-is('{term}') + dd")).ToHaveTextAsync(value);

    /// <summary>The handling panel's line 本单位协办意见（status）: the link, then the status of the unit's own opinion.</summary>
    private static async Task ExpectOwnCoOpinionAsync(IPage page, string status)
    {
        var link = page.GetByRole(AriaRole.Link, new() { Name = "本单位协办意见", Exact = true }); // relative to the list item
        var line = page.GetByRole(AriaRole.Region, new() { Name = "办理情况" }).GetByRole(AriaRole.Listitem).Filter(new() { Has = link });
        await Assertions.Expect(line).ToContainTextAsync(status);
    }

    /// <summary>Exactly one table row in <paramref name="scope"/> holds the first text, and it holds all the others.</summary>
    private static async Task ExpectRowAsync(ILocator scope, string key, params string[] texts)
    {
        var row = scope.GetByRole(AriaRole.Row).Filter(new() { HasText = key });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        foreach (var text in texts)
        {
            await Assertions.Expect(row).ToContainTextAsync(text);
        }
    }

    private static async Task<string> SelectedTextAsync(ILocator select)
        => (await select.Locator("option:checked").InnerTextAsync()).Trim();

    /// <summary>
    /// Waits until the page's address has this path (and query, a pattern, if given). An assertion that polls, not
    /// <c>WaitForURLAsync</c>: that one can miss the navigation or load event it waits for and time out
    /// (microsoft/playwright-dotnet#3364), which this test met about once in five runs.
    /// </summary>
    private static Task ExpectPathAsync(IPage page, string path, string? query = null)
        => Assertions.Expect(page).ToHaveURLAsync(PathPattern(Regex.Escape(path), query), new() { Timeout = NavigationTimeout });

    private static Regex PathPattern(string pathPattern, string? queryPattern = null)
        => new($"^https?://[^/]+{pathPattern}{(queryPattern is null ? @"(\?[^#]*)?" : $@"\?{queryPattern}")}(#.*)?$"); // evaluated in the browser: no RegexOptions

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task ScreenshotAsync(IPage page, string fileName)
    {
        var path = Path.Combine(BrowserSite.ScreenshotFolder, fileName);
        File.Delete(path);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        var file = new FileInfo(path);
        Assert.True(file.Exists && file.Length > 0, $"The screenshot {path} was not written.");
    }
}
