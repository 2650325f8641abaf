using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Transparency.Proposals.Services;

namespace Transparency.Browser.Tests;

/// <summary>
/// A reply's whole review on the demo data, each demo account in its own browser context: the coordinator registers a
/// suggestion and assigns it to 市容环境科; the drafter writes the reply in the rich-text editor (a mobile number in
/// the text), saves and submits it; the reviewer returns it with a comment; the drafter is notified, reads the comment
/// on the edit page, amends and resubmits; the reviewer (审核) and the approver (审定) approve; the coordinator records
/// the delivery (登记送达) and publishes, deleting the mobile number from the public text.
/// </summary>
public sealed class ReplyIsReturnedRevisedApprovedSentAndPublished(DemoBrowserSite site) : IClassFixture<DemoBrowserSite>
{
    private const float NavigationTimeout = 15_000; // a page after a POST on a busy machine; other expectations keep the 5 s default

    // Demo accounts (recipes/demo.recipe.json) that DemoBrowserSite does not name.
    private const string ReviewerUser = "reviewer";
    private const string ReviewerPassword = "Demo#Review2020";
    private const string ApproverUser = "approver";
    private const string ApproverPassword = "Demo#Approve2020";

    private const string SessionName = "市十六届人大三次会议";
    private const string Number = "0902";
    private const string ProposalTitle = "关于整治老城区背街小巷占道经营的建议";
    private const string ProposalBody = "老城区背街小巷占道经营现象突出，早晚高峰时段行人通行困难。\n建议加强巡查，合理设置便民疏导点。";
    private const string LeadUnit = "市城市管理局市容环境科";
    private const string Heading = $"{SessionName}第{Number}号建议的答复";
    private const string DefaultReplyTitle = $"关于{SessionName}第{Number}号建议的答复";
    private const string ReplyTitle = "关于整治老城区背街小巷占道经营问题的答复";
    private const string OutcomeA = "A类（所提问题已经解决或者采纳）";
    private const string DocumentNumber = "市城管建字〔2026〕12号";
    private const string ContactPerson = "李建军";
    private const string ContactPhone = "0551-62617315";
    private const string Mobile = "13905511234";
    private const string Redacted = "〔已删除：个人信息〕";

    private static readonly string[] Paragraphs =
    [
        "张丽萍代表：您提出的《关于整治老城区背街小巷占道经营的建议》收悉。感谢您对城市管理工作的关心和支持。",
        "我科已会同执法支队对老城区背街小巷开展专项整治，早晚高峰时段增加巡查频次，并在三处空地设置便民疏导点。",
        $"如有意见和建议，请联系市容环境科李建军，手机{Mobile}。",
    ];

    private const string ReturnComment = "请补充便民疏导点的具体位置和开放时间，并说明后续长效管理措施。";
    private const string AddedParagraph = "便民疏导点设在人民路、解放街和长江路口空地，每日6时至21时开放；今后将建立网格化长效管理机制。";

    [Fact]
    public async Task Drafted_returned_revised_approved_twice_sent_and_published_with_the_mobile_number_deleted()
    {
        var today = Iso(Today());
        var pages = new List<IPage>();
        IPage? current = null;
        try
        {
            // Each user in a browser context of their own: no sign-out and sign-in between the steps.
            var coordinator = current = await SignedInPageAsync(pages, DemoBrowserSite.CoordinatorUser, DemoBrowserSite.CoordinatorPassword);

            // 1. The coordinator registers a suggestion and assigns it to 市容环境科 as the lead unit.
            await coordinator.GotoAsync("/admin/proposals/create");
            await ExpectHeadingAsync(coordinator, "登记建议提案");
            await coordinator.GetByLabel("届次", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = SessionName });
            await coordinator.GetByLabel("编号", new() { Exact = true }).FillAsync(Number);
            await coordinator.GetByLabel("标题", new() { Exact = true }).FillAsync(ProposalTitle);
            await coordinator.GetByLabel("建议内容", new() { Exact = true }).FillAsync(ProposalBody);
            await coordinator.GetByLabel("领衔代表", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "张丽萍（城东区代表团）" });
            await coordinator.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();
            await Assertions.Expect(coordinator).ToHaveURLAsync(PathPattern(@"/admin/proposals/\d+"), new() { Timeout = NavigationTimeout });
            var proposalId = int.Parse(new Uri(coordinator.Url).AbsolutePath.Split('/')[^1], CultureInfo.InvariantCulture);
            var proposal = $"/admin/proposals/{proposalId}";

            await coordinator.GetByRole(AriaRole.Link, new() { Name = "交办", Exact = true }).ClickAsync();
            await ExpectPathAsync(coordinator, $"{proposal}/assign");
            await coordinator.GetByLabel("交办日期", new() { Exact = true }).FillAsync(today);
            await coordinator.GetByLabel("主办单位", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = LeadUnit });
            await coordinator.GetByRole(AriaRole.Button, new() { Name = "交办", Exact = true }).ClickAsync();
            await ExpectPathAsync(coordinator, proposal);
            await Assertions.Expect(coordinator.Locator("dl.facts dt:text-is('状态') + dd")).ToHaveTextAsync("已交办");

            // 2. The drafter opens the proposal's reply (none yet), starts it and writes it in the rich-text editor.
            var drafter = current = await SignedInPageAsync(pages, DemoBrowserSite.DrafterUser, DemoBrowserSite.DrafterPassword);
            await ExpectUnreadAsync(drafter, 0);
            await drafter.GotoAsync(proposal);
            await drafter.Locator("main").GetByRole(AriaRole.Link, new() { Name = "答复", Exact = true }).ClickAsync();
            await ExpectPathAsync(drafter, $"{proposal}/replies");
            await ExpectHeadingAsync(drafter, "答复");
            await Assertions.Expect(drafter.GetByText("尚未起草答复。")).ToBeVisibleAsync();
            await drafter.GetByRole(AriaRole.Button, new() { Name = "起草答复", Exact = true }).ClickAsync();
            await Assertions.Expect(drafter).ToHaveURLAsync(PathPattern(@"/admin/replies/\d+/edit"), new() { Timeout = NavigationTimeout });
            var replyId = int.Parse(new Uri(drafter.Url).AbsolutePath.Split('/')[^2], CultureInfo.InvariantCulture);
            var reply = $"/admin/replies/{replyId}";
            await ExpectHeadingAsync(drafter, Heading);
            await Assertions.Expect(drafter.Locator("main")).ToContainTextAsync("状态：起草中；正在编辑第1版。");

            var title = drafter.GetByLabel("标题", new() { Exact = true });
            await Assertions.Expect(title).ToHaveValueAsync(DefaultReplyTitle);
            await title.FillAsync(ReplyTitle);
            await drafter.GetByRole(AriaRole.Radio, new() { Name = OutcomeA, Exact = true }).CheckAsync();
            await drafter.GetByLabel("文号", new() { Exact = true }).FillAsync(DocumentNumber);
            await drafter.GetByLabel("联系人", new() { Exact = true }).FillAsync(ContactPerson);
            await drafter.GetByLabel("联系电话", new() { Exact = true }).FillAsync(ContactPhone);
            var official = OfficialEditor(drafter);
            await Assertions.Expect(official).ToBeEditableAsync(); // Quill has replaced the textarea
            await Assertions.Expect(official).ToHaveTextAsync("");
            await TypeParagraphsAsync(drafter, official, Paragraphs);
            await Assertions.Expect(official.Locator("p")).ToHaveCountAsync(Paragraphs.Length);
            await Assertions.Expect(PublicEditor(drafter)).ToHaveTextAsync(""); // the public text follows the official one on the server
            await ScreenshotAsync(drafter, "reply-editor.png");

            await drafter.GetByRole(AriaRole.Button, new() { Name = "保存草稿", Exact = true }).ClickAsync();
            await ExpectPathAsync(drafter, $"{reply}/edit", "saved=1");
            await Assertions.Expect(drafter.GetByRole(AriaRole.Status)).ToHaveTextAsync("已保存。");
            await Assertions.Expect(title).ToHaveValueAsync(ReplyTitle);
            await Assertions.Expect(drafter.GetByRole(AriaRole.Radio, new() { Name = OutcomeA, Exact = true })).ToBeCheckedAsync();
            await Assertions.Expect(drafter.GetByLabel("联系电话", new() { Exact = true })).ToHaveValueAsync(ContactPhone);
            await Assertions.Expect(official.Locator("p")).ToHaveTextAsync(Paragraphs);
            await Assertions.Expect(PublicEditor(drafter).Locator("p")).ToHaveTextAsync(Paragraphs); // saved as a copy of the official text

            await drafter.GetByRole(AriaRole.Button, new() { Name = "保存并提交审核", Exact = true }).ClickAsync();
            await ExpectPathAsync(drafter, reply);
            await ExpectHeadingAsync(drafter, Heading);
            await ExpectStatusAsync(drafter, "审核中", "（待审核）");
            await ExpectFactAsync(drafter, "答复单位", LeadUnit);
            await ExpectFactAsync(drafter, "办理结果分类", OutcomeA);
            await ExpectFactAsync(drafter, "文号", DocumentNumber);
            await Assertions.Expect(drafter.GetByRole(AriaRole.Heading, new() { Name = "正文（第1版，已提交）", Exact = true })).ToBeVisibleAsync();
            await Assertions.Expect(drafter.GetByRole(AriaRole.Link, new() { Name = "编辑草稿" })).ToHaveCountAsync(0);

            // 3. The reviewer finds it in the inbox and returns it with a comment.
            var reviewer = current = await SignedInPageAsync(pages, ReviewerUser, ReviewerPassword);
            await reviewer.GotoAsync("/admin/replies/inbox");
            await ExpectHeadingAsync(reviewer, "我的待办");
            await ExpectInboxRowAsync(reviewer, "待审核");
            await ScreenshotAsync(reviewer, "reply-inbox.png");
            await OpenFromInboxAsync(reviewer, reply);
            await ExpectStatusAsync(reviewer, "审核中", "（待审核）");
            await Assertions.Expect(reviewer.Locator("section[aria-labelledby=text-heading]")).ToContainTextAsync(Mobile);
            await reviewer.GetByLabel("退回意见（必填）", new() { Exact = true }).FillAsync(ReturnComment);
            await ScreenshotAsync(reviewer, "reply-return.png");
            await reviewer.GetByRole(AriaRole.Button, new() { Name = "退回修改", Exact = true }).ClickAsync();
            await ExpectPathAsync(reviewer, "/admin/replies/inbox");
            await Assertions.Expect(InboxRow(reviewer)).ToHaveCountAsync(0);

            // 4. The drafter is notified, opens the notice, reads the comment on the edit page, amends and resubmits.
            current = drafter;
            await drafter.GotoAsync("/admin");
            await ExpectUnreadAsync(drafter, 1);
            await drafter.Locator("header a.notifications-link").ClickAsync();
            await ExpectPathAsync(drafter, "/admin/notifications");
            var notice = drafter.GetByRole(AriaRole.Button, new() { Name = $"打开未读通知：第{Number}号建议的答复在审核环节被退回：{ReturnComment}", Exact = true });
            await notice.ClickAsync();
            await ExpectPathAsync(drafter, $"{reply}/edit");
            await ExpectUnreadAsync(drafter, 0);
            await ExpectHeadingAsync(drafter, Heading);
            await Assertions.Expect(drafter.Locator("main")).ToContainTextAsync("状态：已退回；正在编辑第1版。");
            var returned = drafter.GetByRole(AriaRole.Note);
            await Assertions.Expect(returned).ToContainTextAsync("退回意见");
            await Assertions.Expect(returned).ToContainTextAsync($"（审核，{ReviewerUser}，");
            await Assertions.Expect(returned).ToContainTextAsync(ReturnComment);
            await Assertions.Expect(official.Locator("p")).ToHaveTextAsync(Paragraphs);
            await TypeParagraphsAsync(drafter, official, [AddedParagraph], atEnd: true);
            await Assertions.Expect(official.Locator("p")).ToHaveTextAsync([.. Paragraphs, AddedParagraph]);
            await ScreenshotAsync(drafter, "reply-returned-edit.png");
            await drafter.GetByRole(AriaRole.Button, new() { Name = "保存并提交审核", Exact = true }).ClickAsync();
            await ExpectPathAsync(drafter, reply);
            await ExpectStatusAsync(drafter, "审核中", "（待审核）");
            await Assertions.Expect(drafter.GetByRole(AriaRole.Heading, new() { Name = "正文（第2版，已提交）", Exact = true })).ToBeVisibleAsync();
            await Assertions.Expect(drafter.Locator("section[aria-labelledby=text-heading]")).ToContainTextAsync(AddedParagraph);
            await Assertions.Expect(drafter.GetByRole(AriaRole.Link, new() { Name = "版本比较", Exact = true })).ToBeVisibleAsync();

            // 5. The reviewer approves (审核), then the approver approves (审定).
            current = reviewer;
            await reviewer.ReloadAsync();
            await ExpectInboxRowAsync(reviewer, "待审核");
            await OpenFromInboxAsync(reviewer, reply);
            await Assertions.Expect(reviewer.Locator("section[aria-labelledby=text-heading]")).ToContainTextAsync(AddedParagraph);
            await reviewer.GetByLabel("审核意见（选填）", new() { Exact = true }).FillAsync("同意。");
            await reviewer.GetByRole(AriaRole.Button, new() { Name = "通过", Exact = true }).ClickAsync();
            await ExpectPathAsync(reviewer, "/admin/replies/inbox");
            await Assertions.Expect(InboxRow(reviewer)).ToHaveCountAsync(0);

            var approver = current = await SignedInPageAsync(pages, ApproverUser, ApproverPassword);
            await approver.GotoAsync("/admin/replies/inbox");
            await ExpectInboxRowAsync(approver, "待审定");
            await OpenFromInboxAsync(approver, reply);
            await ExpectStatusAsync(approver, "待审定", "（待审定）");
            await approver.GetByRole(AriaRole.Button, new() { Name = "通过", Exact = true }).ClickAsync();
            await ExpectPathAsync(approver, "/admin/replies/inbox");
            await Assertions.Expect(InboxRow(approver)).ToHaveCountAsync(0);

            // 6. The coordinator records the delivery: today, in person.
            current = coordinator;
            await coordinator.GotoAsync("/admin/replies/inbox");
            await ExpectInboxRowAsync(coordinator, "已审定，待登记送达");
            await OpenFromInboxAsync(coordinator, reply);
            await ExpectStatusAsync(coordinator, "已审定", null);
            await Assertions.Expect(coordinator.GetByRole(AriaRole.Link, new() { Name = "公开", Exact = true })).ToHaveCountAsync(0);
            await coordinator.GetByRole(AriaRole.Link, new() { Name = "登记送达", Exact = true }).ClickAsync();
            await ExpectPathAsync(coordinator, $"{reply}/send");
            await ExpectHeadingAsync(coordinator, $"登记送达：第{Number}号建议的答复");
            await coordinator.GetByLabel("送达日期", new() { Exact = true }).FillAsync(today);
            await coordinator.GetByLabel("送达方式", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "当面送达" });
            await coordinator.GetByRole(AriaRole.Button, new() { Name = "登记送达", Exact = true }).ClickAsync();
            await ExpectPathAsync(coordinator, reply);
            await ExpectStatusAsync(coordinator, "已送达", null);
            await ExpectFactAsync(coordinator, "送达", $"{today}，当面送达（按期）");

            // 7. It publishes: the mobile number is found in the public text and deleted.
            await coordinator.GetByRole(AriaRole.Link, new() { Name = "公开", Exact = true }).ClickAsync();
            await ExpectPathAsync(coordinator, $"{reply}/publish");
            await ExpectHeadingAsync(coordinator, $"公开：{Heading}");
            await Assertions.Expect(coordinator.Locator("main")).ToContainTextAsync("公开文本中发现1处疑似个人信息。");
            var hits = coordinator.GetByRole(AriaRole.Table, new() { Name = "疑似个人信息" }).Locator("tbody").GetByRole(AriaRole.Row);
            await Assertions.Expect(hits).ToHaveCountAsync(1);
            await Assertions.Expect(hits.GetByRole(AriaRole.Cell).First).ToHaveTextAsync("手机号码");
            await Assertions.Expect(hits.Locator("code")).ToHaveTextAsync(Mobile);
            await Assertions.Expect(hits.GetByRole(AriaRole.Radio, new() { Name = "删除", Exact = true })).ToBeCheckedAsync();
            await Assertions.Expect(hits.GetByRole(AriaRole.Radio, new() { Name = "确认可以公开", Exact = true })).Not.ToBeCheckedAsync();
            await Assertions.Expect(coordinator.Locator("main .prose")).ToContainTextAsync(AddedParagraph); // the preview: the amended text
            await ScreenshotAsync(coordinator, "reply-publish.png");
            await coordinator.GetByRole(AriaRole.Button, new() { Name = "确认公开", Exact = true }).ClickAsync();

            await ExpectPathAsync(coordinator, reply);
            await ExpectHeadingAsync(coordinator, Heading);
            await ExpectStatusAsync(coordinator, "已公开", null);
            // A new version made for publication: the official text keeps the number, the public text has the mark instead.
            await Assertions.Expect(coordinator.GetByRole(AriaRole.Heading, new() { Name = "正文（第3版，公开版本）", Exact = true })).ToBeVisibleAsync();
            var publicText = coordinator.Locator("section[aria-labelledby=text-heading] h3:text-is('公开文本') + div.prose");
            await Assertions.Expect(publicText).ToContainTextAsync($"如有意见和建议，请联系市容环境科李建军，手机{Redacted}。");
            await Assertions.Expect(publicText).ToContainTextAsync(AddedParagraph);
            await Assertions.Expect(publicText).Not.ToContainTextAsync(Mobile);
            var history = coordinator.GetByRole(AriaRole.Table, new() { Name = "办理过程" }).Locator("tbody").GetByRole(AriaRole.Row);
            await Assertions.Expect(history.Locator("td:nth-child(3)")).ToHaveTextAsync(["提交", "退回", "提交", "通过", "通过", "送达", "公开"]);
            await ScreenshotAsync(coordinator, "reply-published.png");
        }
        catch
        {
            // Whatever the page showed when the test failed (an error page, a validation message) is the best clue.
            if (current is not null)
            {
                await current.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSite.ScreenshotFolder, "failure-replies.png"), FullPage = true });
            }

            throw;
        }
        finally
        {
            foreach (var page in pages)
            {
                await page.Context.DisposeAsync();
            }
        }
    }

    private DateOnly Today()
    {
        using var scope = site.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<TimeProvider>().Today();
    }

    /// <summary>A page in a new browser context (its own cookies), signed in as <paramref name="userName"/>.</summary>
    private async Task<IPage> SignedInPageAsync(List<IPage> pages, string userName, string password)
    {
        var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        pages.Add(page);
        await page.GotoAsync("/account/login");
        await page.GetByLabel("用户名").FillAsync(userName);
        await page.GetByLabel("密码").FillAsync(password);
        await page.Locator("form[action='/account/login'] button[type=submit]").ClickAsync();
        await ExpectPathAsync(page, "/admin");
        await Assertions.Expect(page.Locator("header .user")).ToHaveTextAsync(userName);
        return page;
    }

    /// <summary>The Quill editing areas: named by their labels through <c>aria-labelledby</c> (rich-text.js).</summary>
    private static ILocator OfficialEditor(IPage page) => page.GetByRole(AriaRole.Textbox, new() { Name = "正文（正式文本）", Exact = true });

    private static ILocator PublicEditor(IPage page) => page.GetByRole(AriaRole.Textbox, new() { Name = "公开文本", Exact = true });

    /// <summary>Types paragraphs into a Quill editor (Enter between them), at the start of an empty one or after its last line.</summary>
    private static async Task TypeParagraphsAsync(IPage page, ILocator editor, string[] paragraphs, bool atEnd = false)
    {
        await editor.ClickAsync();
        if (atEnd)
        {
            await editor.PressAsync("Control+End");
            await page.Keyboard.PressAsync("Enter");
        }

        for (var i = 0; i < paragraphs.Length; i++)
        {
            if (i > 0)
            {
                await page.Keyboard.PressAsync("Enter");
            }

            await page.Keyboard.InsertTextAsync(paragraphs[i]);
        }
    }

    /// <summary>The header's link to the notices, with the unread count.</summary>
    private static Task ExpectUnreadAsync(IPage page, int count)
        => Assertions.Expect(page.Locator("header a.notifications-link")).ToHaveTextAsync($"通知 ({count})");

    private static ILocator InboxRow(IPage page)
        => page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = ProposalTitle, Exact = true }) });

    private static async Task ExpectInboxRowAsync(IPage page, string task)
    {
        var row = InboxRow(page);
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToContainTextAsync(Number);
        await Assertions.Expect(row).ToContainTextAsync("市容环境科");
        await Assertions.Expect(row).ToContainTextAsync(task);
    }

    private static async Task OpenFromInboxAsync(IPage page, string reply)
    {
        await InboxRow(page).GetByRole(AriaRole.Link, new() { Name = ProposalTitle, Exact = true }).ClickAsync();
        await ExpectPathAsync(page, reply);
        await ExpectHeadingAsync(page, Heading);
    }

    /// <summary>The review panel's line 状态：<strong>status</strong>（待stage）.</summary>
    private static async Task ExpectStatusAsync(IPage page, string status, string? stage)
    {
        var panel = page.GetByRole(AriaRole.Region, new() { Name = "审核与公开", Exact = true });
        await Assertions.Expect(panel.Locator("p strong").First).ToHaveTextAsync(status);
        var line = panel.Locator("p").First;
        if (stage is null)
        {
            await Assertions.Expect(line).Not.ToContainTextAsync("（待");
        }
        else
        {
            await Assertions.Expect(line).ToContainTextAsync(stage);
        }
    }

    private static Task ExpectHeadingAsync(IPage page, string text)
        => Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(text);

    /// <summary>The value next to a label in the details page's fact list (dt/dd).</summary>
    private static Task ExpectFactAsync(IPage page, string term, string value)
        => Assertions.Expect(page.Locator($"dl.facts dt:text-is('{term}') + dd")).ToHaveTextAsync(value);

    /// <summary>Waits (polling, not <c>WaitForURLAsync</c>: microsoft/playwright-dotnet#3364) until the page has this path (and query pattern).</summary>
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
