using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Transparency.AuditTrail.Models;
using Transparency.Core.Publishing;
using Transparency.Data;
using Transparency.Integration.Tests.Infrastructure;
using Transparency.Proposals.Models;
using Transparency.Replies;
using Transparency.Replies.Models;
using Transparency.Replies.Services;
using Transparency.Users.Services;

namespace Transparency.Integration.Tests.Summaries;

/// <summary>
/// 办理工作总结 on the demo site: drafted from the data of 市十六届人大三次会议 (29 件 = 主办 9 + 协办 20) through the
/// template, edited, reviewed (审核, 审定), published and withdrawn; the template settings with their validation; who may do what.
/// The users are the test's own, with roles holding exactly the permissions under test.
/// </summary>
public abstract class SummariesSiteTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : SiteFixture
{
    private const string Password = "Summary#Pass2026";
    private const string DemoSession = "市十六届人大三次会议";

    [Fact]
    public async Task DraftingFromDataStatesTheSessionsFiguresInTheSeedsRegister()
    {
        var (editor, _, _, _) = await CreateUsersAsync();
        var sessionId = await QueryAsync(db => db.Set<Session>().Where(s => s.Name == DemoSession).Select(s => s.Id).SingleAsync());

        // The figures: stable ones asserted, the reply-dependent ones recomputed from the tables.
        var figures = await FiguresAsync(sessionId);
        Assert.Equal((29, 9, 20, 9, "100%"), (figures.Total, figures.Lead, figures.Co, figures.Consulted, figures.ConsultationRate));
        Assert.Equal(1, figures.Key);
        // The demo's ratings (Feedback step): each representative's last round counts, so the re-handled 0066 counts as 满意.
        Assert.Equal(("100%", "90%"), (figures.SatisfactionRate, figures.Satisfaction?.FirstRoundRate));
        var (sent, onTime, outcomes) = await RepliesFromTablesAsync();
        Assert.Equal((sent, onTime), (figures.Sent, figures.OnTime));
        Assert.Equal((outcomes[ReplyOutcome.A], outcomes[ReplyOutcome.B], outcomes[ReplyOutcome.C]), (figures.OutcomeA, figures.OutcomeB, figures.OutcomeC));
        Assert.Equal(29, figures.Categories.Sum(c => c.Count));
        Assert.Equal(["市容环境", "市政设施养护", "占道经营"], figures.Categories.Take(3).Select(c => c.Name));

        // The demo recipe drafted the session's summary from the data (Summaries step) and published it.
        using var client = await SignInAsync(editor);
        var summary = await QueryAsync(db => db.Set<HandlingSummary>().Include(s => s.Document).SingleAsync(s => s.SessionId == sessionId));
        Assert.Equal((2020, DocumentKind.Summary, DocumentStatus.Published, (int?)null), (summary.Year, summary.Document.Kind, summary.Document.Status, summary.Document.UnitId));

        var version = await QueryAsync(db => db.Set<DocumentVersion>().SingleAsync(v => v.DocumentId == summary.DocumentId));
        Assert.Equal("市城市管理局2020年人大代表建议办理工作总结", version.Title);
        Assert.Null(version.Outcome);
        var text = version.OfficialHtml;
        Assert.StartsWith("<p>2020年，我局承办市十六届人大三次会议人大代表建议共29件，其中主办9件、协办20件。", text);
        Assert.Contains("实现了我局人大建议办理工作面商率100%", text);
        if (sent > 0)
        {
            Assert.Contains($"按时办复率{HandlingFigures.Rate(onTime, sent)}", text);
            Assert.Contains($"已书面答复{sent}件（按期答复{onTime}件），其中A类{outcomes[ReplyOutcome.A]}件、B类{outcomes[ReplyOutcome.B]}件、C类{outcomes[ReplyOutcome.C]}件。", text);
        }

        Assert.Contains("、代表满意率100%。", text);
        Assert.DoesNotContain("代表满意率待征询意见后统计。", text);
        Assert.Contains("<p><strong>一、领导重视，办理责任得到进一步压实</strong></p>", text);
        Assert.Contains("<p><strong>二、明晰流程，办理程序得到进一步规范</strong></p>", text);
        Assert.Contains("经审核、审定后书面答复代表", text);
        Assert.Contains("<p><strong>三、完善机制，办理效率得到进一步提高</strong></p>", text);
        Assert.Contains("主办的9件建议中有9件与代表进行了面商或沟通联系", text);
        Assert.Contains("<p><strong>四、提高质量，办理成效得到进一步增强</strong></p>", text);
        Assert.Contains("主要集中在市容环境、市政设施养护、占道经营方面，承办重点建议1件。", text);
        Assert.Contains("2021年，我们将在办理工作中认真加以改进", text);
        Assert.Equal(text, version.PublicHtml);

        var drafted = Assert.Single(await AuditAsync(summary.DocumentId), e => e.Action == "Drafted");
        Assert.Equal(("Summaries", "coordinator"), (drafted.Category, drafted.Actor));
        Assert.Contains("承办29件，主办9件，协办20件", drafted.Summary);

        // The editor opens on the shared edit page, without the reply's outcome and letter fields.
        var edit = await client.GetStringAsync($"/admin/summaries/{summary.Id}/edit");
        Assert.Contains("action=\"/admin/summaries/" + summary.Id + "/edit\"", edit);
        Assert.DoesNotContain("name=\"Form.Outcome\"", edit);
        Assert.DoesNotContain("name=\"Form.DocumentNumber\"", edit);

        // One summary per session: a second draft is refused and nothing is added.
        var again = await client.PostFormAsync("/admin/summaries", "/admin/summaries/create", [new("sessionId", sessionId.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("市十六届人大三次会议已有办理工作总结", await again.Content.ReadAsStringAsync());
        Assert.Equal(1, await QueryAsync(db => db.Set<HandlingSummary>().CountAsync(s => s.SessionId == sessionId)));

        var list = await client.GetStringAsync("/admin/summaries");
        Assert.Contains($"href=\"/admin/summaries/{summary.Id}\"", list);
    }

    [Fact]
    public async Task ASummaryIsSubmittedReturnedApprovedAtBothStagesPublishedAndWithdrawn()
    {
        var (editor, reviewer, approver, _) = await CreateUsersAsync();
        var sessionId = await CreateSessionAsync();
        using var edit = await SignInAsync(editor);
        var created = await edit.PostFormAsync("/admin/summaries", "/admin/summaries/create", [new("sessionId", Id(sessionId))]);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = await QueryAsync(db => db.Set<HandlingSummary>().Where(s => s.SessionId == sessionId).Select(s => s.Id).SingleAsync());
        var baseUrl = $"/admin/summaries/{id}";

        // An empty session drafts too (共0件, no rates); the staff rewrite it and submit.
        var first = await LatestAsync(id);
        Assert.Contains("共0件，其中主办0件、协办0件。", first.OfficialHtml);
        Assert.DoesNotContain("面商率", first.OfficialHtml);
        var saved = await edit.PostFormAsync(baseUrl + "/edit", baseUrl + "/edit",
        [
            new("Form.VersionNumber", Id(first.Number)), new("Form.Revision", Id(first.Revision)), new("Form.Title", "测试局2021年人大代表建议办理工作总结"),
            new("Form.OfficialHtml", "<p>2021年，我局承办建议共0件。</p><p><strong>一、领导重视</strong></p><p>办公室联系电话13912345678。</p>"),
            new("Form.PublicHtml", ""), new("Form.Outcome", "A"), new("Form.Command", "submit"),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(baseUrl, saved.Headers.Location!.OriginalString);
        var submitted = await DocumentAsync(id);
        Assert.Equal((DocumentStatus.InReview, 0), (submitted.Status, submitted.StageIndex));
        Assert.Null((await LatestAsync(id)).Outcome); // summaries have no outcome class

        // 审核: the reviewer (any holder of Replies.Review: a summary belongs to no unit) sees it in the inbox and returns it.
        using var review = await SignInAsync(reviewer);
        Assert.Contains($"href=\"{baseUrl}\"", await review.GetStringAsync("/admin/replies/inbox"));
        var noComment = await review.PostFormAsync(baseUrl, baseUrl + "/return", [new("comment", " ")]);
        Assert.Equal(HttpStatusCode.BadRequest, noComment.StatusCode);
        Assert.Contains("退回时必须填写退回意见", await noComment.Content.ReadAsStringAsync());
        var returned = await review.PostFormAsync(baseUrl, baseUrl + "/return", [new("comment", "请补充面商情况。")]);
        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
        Assert.Equal(DocumentStatus.Returned, (await DocumentAsync(id)).Status);

        // Nothing waits for review now; after the resubmission the approver cannot act at the 审核 stage.
        Assert.Equal(HttpStatusCode.BadRequest, (await review.PostFormAsync("/admin", baseUrl + "/approve", [])).StatusCode);
        var resubmit = await edit.PostFormAsync(baseUrl, baseUrl + "/submit", [new("comment", "已补充。")]);
        Assert.Equal(HttpStatusCode.Redirect, resubmit.StatusCode);
        Assert.Equal(DocumentStatus.InReview, (await DocumentAsync(id)).Status);
        using var approve = await SignInAsync(approver);
        Assert.Equal(HttpStatusCode.Forbidden, (await approve.PostFormAsync("/admin", baseUrl + "/approve", [])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await review.PostFormAsync(baseUrl, baseUrl + "/approve", [new("comment", "同意。")])).StatusCode);
        Assert.Equal((DocumentStatus.AwaitingApproval, 1), ((await DocumentAsync(id)).Status, (await DocumentAsync(id)).StageIndex));

        // 审定: only the approver; the reviewer is refused with 403.
        var notReviewer = await review.PostFormAsync("/admin", baseUrl + "/approve", []);
        Assert.Equal(HttpStatusCode.Forbidden, notReviewer.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await approve.PostFormAsync(baseUrl, baseUrl + "/approve", [])).StatusCode);
        Assert.Equal(DocumentStatus.Approved, (await DocumentAsync(id)).Status);

        // Published without the Sent step; the telephone number found in the public text must be decided on.
        var page = await edit.GetStringAsync(baseUrl);
        Assert.Contains($"href=\"{baseUrl}/publish\"", page);
        Assert.Contains("13912345678", await edit.GetStringAsync(baseUrl + "/publish"));
        var undecided = await edit.PostFormAsync(baseUrl + "/publish", baseUrl + "/publish", []);
        Assert.Equal(HttpStatusCode.BadRequest, undecided.StatusCode);
        Assert.Contains("疑似个人信息未处理", await undecided.Content.ReadAsStringAsync());
        Assert.Equal(DocumentStatus.Approved, (await DocumentAsync(id)).Status);
        var published = await edit.PostFormAsync(baseUrl + "/publish", baseUrl + "/publish",
            [new("decisions[0].Value", "13912345678"), new("decisions[0].Choice", "redact"), new("comment", "按程序公开。")]);
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        var document = await DocumentAsync(id);
        Assert.Equal(DocumentStatus.Published, document.Status);
        var publicVersion = await QueryAsync(db => db.Set<DocumentVersion>().SingleAsync(v => v.DocumentId == document.Id && v.Number == document.PublishedVersion));
        Assert.DoesNotContain("13912345678", publicVersion.PublicHtml);
        Assert.Contains("13912345678", publicVersion.OfficialHtml);

        // 撤回公开 needs a reason.
        Assert.Equal(HttpStatusCode.BadRequest, (await edit.PostFormAsync(baseUrl, baseUrl + "/withdraw", [new("reason", "其他"), new("otherReason", "")])).StatusCode);
        var withdrawn = await edit.PostFormAsync(baseUrl, baseUrl + "/withdraw", [new("reason", "其他"), new("otherReason", "数据需要更正")]);
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        document = await DocumentAsync(id);
        Assert.Equal((DocumentStatus.Unpublished, (int?)null, "数据需要更正"), (document.Status, document.PublishedVersion, document.NotPublicReason));

        var actions = (await AuditAsync(document.Id)).Where(e => e.Category == "Summaries").Select(e => e.Action).ToList();
        Assert.Equal(["Drafted", "DraftSaved", "Submitted", "Returned", "Submitted", "Approved", "Approved", "PersonalDataRedacted", "Published", "Unpublished"], actions);
        var history = await edit.GetStringAsync(baseUrl);
        Assert.Contains("请补充面商情况。", history);
        Assert.Contains("数据需要更正", history);
        Assert.Equal(HttpStatusCode.OK, (await edit.GetAsync(baseUrl + "/versions")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await edit.GetAsync(baseUrl + "/diff")).StatusCode);
    }

    [Fact]
    public async Task TemplateErrorsAreReportedWithTheirLineInChineseAndNothingIsSaved()
    {
        var (editor, _, _, _) = await CreateUsersAsync();
        using var client = await SignInAsync(editor);
        const string page = "/admin/summaries/template";

        var form = await client.GetStringAsync(page);
        Assert.Contains("预览（市十六届人大三次会议的当前数据）", form);
        Assert.Contains("共29件，其中主办9件、协办20件。", form);
        Assert.Contains("consultation_rate", form);

        var unclosed = await client.PostFormAsync(page, page, [new("Template", "<p>{{ year }}年</p>\n<p>{% if lead > 0 %}主办{{ lead }}件</p>"), new("Command", "save")]);
        Assert.Equal(HttpStatusCode.BadRequest, unclosed.StatusCode);
        var html = await unclosed.Content.ReadAsStringAsync();
        Assert.Contains("模板第2行", html);
        Assert.Contains("缺少结束标签", html);

        var misspelt = await client.PostFormAsync(page, page, [new("Template", "<p>共{{ total }}件</p>\n\n<p>主办{{ leed }}件</p>"), new("Command", "save")]);
        Assert.Equal(HttpStatusCode.BadRequest, misspelt.StatusCode);
        Assert.Contains("模板第3行第9列：未定义的变量“leed”", await misspelt.Content.ReadAsStringAsync());
        Assert.Null(await StoredTemplateAsync());

        // A working template: previewed without saving, then saved and used by the next draft; then back to the default.
        const string custom = "<p>{{ organization }}{{ year }}年承办{{ session }}{{ kind_full }}{{ total }}件。</p>";
        var preview = await client.PostFormAsync(page, page, [new("Template", custom), new("Command", "preview")]);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("市城市管理局2020年承办市十六届人大三次会议人大代表建议29件。", await preview.Content.ReadAsStringAsync());
        Assert.Null(await StoredTemplateAsync());
        try
        {
            Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(page, page, [new("Template", custom), new("Command", "save")])).StatusCode);
            Assert.Equal(custom, await StoredTemplateAsync());
            var sessionId = await CreateSessionAsync();
            Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/admin/summaries", "/admin/summaries/create", [new("sessionId", Id(sessionId))])).StatusCode);
            var id = await QueryAsync(db => db.Set<HandlingSummary>().Where(s => s.SessionId == sessionId).Select(s => s.Id).SingleAsync());
            Assert.Matches(@"^<p>市城市管理局2019年承办测试会议[0-9a-f]+人大代表建议0件。</p>$", (await LatestAsync(id)).OfficialHtml);
        }
        finally
        {
            Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(page, page, [new("Command", "reset")])).StatusCode);
        }

        Assert.Null(await StoredTemplateAsync());
    }

    [Fact]
    public async Task ValuesAreHtmlEncodedInTheDraft()
    {
        var (editor, _, _, _) = await CreateUsersAsync();
        var sessionId = await CreateSessionAsync("测试<b>会议</b>");
        using var client = await SignInAsync(editor);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/admin/summaries", "/admin/summaries/create", [new("sessionId", Id(sessionId))])).StatusCode);
        var id = await QueryAsync(db => db.Set<HandlingSummary>().Where(s => s.SessionId == sessionId).Select(s => s.Id).SingleAsync());
        var text = (await LatestAsync(id)).OfficialHtml;
        Assert.Contains("测试&lt;b&gt;会议&lt;/b&gt;", text);
        Assert.DoesNotContain("<b>", text);
    }

    [Fact]
    public async Task WithoutSummariesEditADrafterCannotCreateOrEditAndAnonymousVisitorsAreSentToSignIn()
    {
        var (_, _, _, drafter) = await CreateUsersAsync();
        var sessionId = await CreateSessionAsync();
        int id;
        using (var scope = site.Factory.Services.CreateScope())
        {
            id = (await scope.ServiceProvider.GetRequiredService<SummaryService>().DraftFromDataAsync(sessionId, "system")).Id;
        }

        using var client = await SignInAsync(drafter);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/admin/summaries/{id}")).StatusCode); // may read
        var create = await client.PostFormAsync("/admin", "/admin/summaries/create", [new("sessionId", Id(await CreateSessionAsync()))]);
        AssertDenied(create);
        AssertDenied(await client.GetAsync($"/admin/summaries/{id}/edit"));
        var latest = await LatestAsync(id);
        var post = await client.PostFormAsync("/admin", $"/admin/summaries/{id}/edit",
            [new("Form.VersionNumber", Id(latest.Number)), new("Form.Revision", Id(latest.Revision)), new("Form.Title", "越权"), new("Form.OfficialHtml", "<p>越权</p>")]);
        AssertDenied(post);
        AssertDenied(await client.PostFormAsync("/admin", $"/admin/summaries/{id}/submit", []));
        AssertDenied(await client.GetAsync("/admin/summaries/template"));
        var denied = await client.GetAsync("/account/denied");
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.NotEqual("越权", (await LatestAsync(id)).Title);
        Assert.Equal(DocumentStatus.Draft, (await DocumentAsync(id)).Status);

        using var anonymous = site.Factory.CreateSiteClient();
        foreach (var url in new[] { "/admin/summaries", $"/admin/summaries/{id}", $"/admin/summaries/{id}/edit", "/admin/summaries/template" })
        {
            var response = await anonymous.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery);
        }
    }

    [Fact]
    public async Task FiguresCountEachProposalOnceByTheBureausPartAndTakeRepliesFromTheirApprovedVersions()
    {
        var sessionId = await CreateSessionAsync();
        await QueryAsync(async db =>
        {
            var units = await db.Set<Transparency.Units.Models.Unit>().ToDictionaryAsync(u => u.ShortName, u => u.Id);
            var categories = await db.Set<Category>().ToDictionaryAsync(c => c.Name, c => c.Id);
            var (hw, sz, zj, jt) = (units["环卫处"], units["市政设施科"], units["市住建局"], units["市交通运输局"]);
            var due = new DateOnly(2019, 9, 5);
            Proposal P(string number, string? category, ProposalStatus status, bool key, params (int Unit, HandlingRole Role, AssignmentStatus Status)[] assignments) => new()
            {
                SessionId = sessionId,
                Kind = ProposalKind.Suggestion,
                Number = number,
                Title = $"统计测试{number}",
                Body = "测试。",
                CategoryId = category is null ? null : categories[category],
                IsKey = key,
                ReceivedOn = new DateOnly(2019, 5, 20),
                Status = status,
                CreatedUtc = DateTime.UtcNow,
                Assignments = assignments.Select(a => new Assignment
                {
                    UnitId = a.Unit, Role = a.Role, AssignedOn = new DateOnly(2019, 6, 5), RuleDueOn = due, DueOn = due, Status = a.Status,
                }).ToList(),
            };
            const AssignmentStatus Active = AssignmentStatus.Active;
            var p1 = P("S01", "垃圾分类", ProposalStatus.Replied, true, (hw, HandlingRole.Lead, Active), (zj, HandlingRole.Co, Active));
            var p2 = P("S02", "垃圾分类", ProposalStatus.Replied, false, (zj, HandlingRole.Lead, Active), (hw, HandlingRole.Co, Active));
            var p3 = P("S03", "占道经营", ProposalStatus.Replied, false, (hw, HandlingRole.Split, Active), (zj, HandlingRole.Split, Active));
            var p4 = P("S04", "垃圾分类", ProposalStatus.Assigned, false, (hw, HandlingRole.Lead, AssignmentStatus.Returned), (zj, HandlingRole.Lead, Active));
            var p5 = P("S05", "垃圾分类", ProposalStatus.Replied, false, (zj, HandlingRole.Lead, Active), (jt, HandlingRole.Co, Active));
            var p6 = P("S06", "垃圾分类", ProposalStatus.Withdrawn, false, (sz, HandlingRole.Lead, Active));
            var p7 = P("S07", "城市照明", ProposalStatus.Replied, false, (sz, HandlingRole.Lead, Active));
            var p8 = P("S08", null, ProposalStatus.InProgress, false, (hw, HandlingRole.Lead, Active), (sz, HandlingRole.Co, Active));
            db.AddRange(p1, p2, p3, p4, p5, p6, p7, p8);
            await db.SaveChangesAsync();
            foreach (var (proposal, unit) in new[] { (p1, hw), (p7, sz), (p8, hw), (p5, zj) })
            {
                db.Add(new Consultation
                {
                    ProposalId = proposal.Id, UnitId = unit, Date = new DateOnly(2019, 6, 10), Mode = ConsultationMode.Phone, Stage = ConsultationStage.Before,
                    Participants = "代表", Notes = "测试。", RecordedBy = "test", RecordedUtc = DateTime.UtcNow,
                });
            }

            void R(Proposal proposal, int unit, int round, DateOnly sentOn, DateOnly? dueOn, params (VersionState State, ReplyOutcome Outcome)[] versions)
            {
                var document = new ReviewedDocument
                {
                    Kind = DocumentKind.Reply, Status = DocumentStatus.Sent, UnitId = unit, LatestVersion = versions.Length, CreatedUtc = DateTime.UtcNow, UpdatedUtc = DateTime.UtcNow,
                    Versions = versions.Select((v, i) => new DocumentVersion
                    {
                        Number = i + 1, State = v.State, Title = "答复", OfficialHtml = "<p>答复。</p>", PublicHtml = "<p>答复。</p>", Outcome = v.Outcome,
                        CreatedBy = "test", UpdatedBy = "test", CreatedUtc = DateTime.UtcNow, UpdatedUtc = DateTime.UtcNow, Revision = 1,
                    }).ToList(),
                };
                db.Add(new Reply
                {
                    Document = document, ProposalId = proposal.Id, UnitId = unit, Round = round, SentOn = sentOn, DueOn = dueOn,
                    AssignmentId = proposal.Assignments.First(a => a.UnitId == unit).Id, SentChannel = SendChannel.Mail, SentBy = "test",
                });
            }

            R(p1, hw, 1, new DateOnly(2019, 9, 1), null, (VersionState.Approved, ReplyOutcome.B)); // on time by the assignment's due date
            R(p3, hw, 1, new DateOnly(2019, 9, 10), due, (VersionState.Published, ReplyOutcome.A)); // late
            R(p7, sz, 1, new DateOnly(2019, 9, 5), due, (VersionState.Superseded, ReplyOutcome.C), (VersionState.Draft, ReplyOutcome.A)); // on time, class C
            R(p7, sz, 2, new DateOnly(2019, 11, 1), new DateOnly(2019, 11, 5), (VersionState.Approved, ReplyOutcome.A)); // re-handled: A replaces C
            R(p5, zj, 1, new DateOnly(2019, 9, 1), due, (VersionState.Approved, ReplyOutcome.C)); // another bureau's reply
            return await db.SaveChangesAsync();
        });

        var f = await FiguresAsync(sessionId);
        Assert.Equal((5, 4, 1, 1), (f.Total, f.Lead, f.Co, f.Split));
        Assert.Equal((3, "75%"), (f.Consulted, f.ConsultationRate));
        Assert.Equal((3, 3, 2, "66.7%"), (f.Replied, f.Sent, f.OnTime, f.OnTimeRate));
        Assert.Equal((2, 1, 0), (f.OutcomeA, f.OutcomeB, f.OutcomeC));
        Assert.Equal([new CategoryCount("垃圾分类", 2), new CategoryCount("占道经营", 1), new CategoryCount("城市照明", 1)], f.Categories);
        Assert.Equal(1, f.Key);

        using var scope = site.Factory.Services.CreateScope();
        var text = await scope.ServiceProvider.GetRequiredService<SummaryTemplates>().RenderAsync(f, SummaryTemplates.DefaultTemplate);
        Assert.Contains("共5件，其中主办4件、协办1件。", text);
        Assert.Contains("面商率75%、按时办复率66.7%。", text);
        Assert.Contains("主办件已答复3件、正在办理1件", text);
        Assert.Contains("已书面答复3件（按期答复2件），其中A类2件、B类1件、C类0件。", text);
        Assert.Contains("涉及垃圾分类、占道经营、城市照明等方面", text);
    }

    [Fact]
    public void RatesAreWrittenAsTheSeedWritesThem()
    {
        Assert.Equal("100%", HandlingFigures.Rate(9, 9));
        Assert.Equal("85.7%", HandlingFigures.Rate(6, 7));
        Assert.Equal("66.7%", HandlingFigures.Rate(2, 3));
        Assert.Equal("50%", HandlingFigures.Rate(1, 2));
        Assert.Equal("0%", HandlingFigures.Rate(0, 4));
        Assert.Null(HandlingFigures.Rate(0, 0));
    }

    private static void AssertDenied(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/denied", response.Headers.Location!.PathAndQuery);
    }

    private static string Id(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Four users, each in a role of their own: editor (Summaries.Edit, Replies.Publish, Replies.ManageTemplates), reviewer, approver, drafter.</summary>
    private async Task<(string Editor, string Reviewer, string Approver, string Drafter)> CreateUsersAsync()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        using var scope = site.Factory.Services.CreateScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleAdminService>();
        var users = scope.ServiceProvider.GetRequiredService<UserAdminService>();
        string[] common = ["Admin.Access", RepliesPermissions.View];
        var names = new List<string>();
        foreach (var (kind, permissions) in new (string, string[])[]
        {
            ("editor", [RepliesPermissions.EditSummaries, RepliesPermissions.Publish, RepliesPermissions.ManageTemplates]),
            ("reviewer", [RepliesPermissions.Review]),
            ("approver", [RepliesPermissions.Approve]),
            ("drafter", [RepliesPermissions.Draft]),
        })
        {
            var name = $"sum-{kind}-{suffix}";
            var role = await roles.SaveAsync(null, name, "办理工作总结测试", [.. common, .. permissions], replace: true);
            Assert.True(role.Succeeded, string.Join("; ", role.Errors.Select(e => e.Description)));
            var user = await users.SaveAsync(null, new UserChange(name, "总结测试", null, Password, [name], []));
            Assert.True(user.Succeeded, string.Join("; ", user.Errors.Select(e => e.Description)));
            names.Add(name);
        }

        return (names[0], names[1], names[2], names[3]);
    }

    private async Task<SiteClient> SignInAsync(string userName)
    {
        var client = site.Factory.CreateSiteClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(userName, Password)).StatusCode);
        return client;
    }

    /// <summary>A session without proposals, older than the demo one (so that the demo session stays the latest).</summary>
    private async Task<int> CreateSessionAsync(string? name = null)
    {
        using var scope = site.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TransparencyDbContext>();
        var session = new Session { Name = name ?? $"测试会议{Guid.NewGuid():N}"[..12], Year = 2019, Kind = SessionKind.Npc };
        db.Add(session);
        await db.SaveChangesAsync();
        return session.Id;
    }

    private async Task<HandlingFigures> FiguresAsync(int sessionId)
    {
        using var scope = site.Factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<SummaryFigures>().ForSessionAsync(sessionId);
    }

    /// <summary>First-round replies sent, sent on time, and the outcome of each sent reply's approved version, straight from the tables.</summary>
    private Task<(int Sent, int OnTime, Dictionary<ReplyOutcome, int> Outcomes)> RepliesFromTablesAsync() => QueryAsync(async db =>
    {
        var sent = await db.Set<Reply>().Where(r => r.SentOn != null).ToListAsync();
        var first = sent.Where(r => r.Round == 1).ToList();
        var documentIds = sent.Select(r => r.DocumentId).ToList();
        var versions = await db.Set<DocumentVersion>().Where(v => documentIds.Contains(v.DocumentId)).ToListAsync();
        // A re-handled item counts with its latest round's reply (as HandlingFigures does).
        var latest = sent.GroupBy(r => (r.ProposalId, r.UnitId)).Select(g => g.MaxBy(r => r.Round)!).ToList();
        var outcomes = Enum.GetValues<ReplyOutcome>().ToDictionary(o => o, o => latest.Count(r =>
            versions.Where(v => v.DocumentId == r.DocumentId && v.State is VersionState.Approved or VersionState.Published or VersionState.Superseded)
                .MaxBy(v => v.Number)?.Outcome == o));
        return (first.Count, first.Count(r => r.DueOn is { } due && r.SentOn <= due), outcomes);
    });

    private Task<DocumentVersion> LatestAsync(int summaryId) => QueryAsync(async db =>
    {
        var summary = await db.Set<HandlingSummary>().Include(s => s.Document).SingleAsync(s => s.Id == summaryId);
        return await db.Set<DocumentVersion>().SingleAsync(v => v.DocumentId == summary.DocumentId && v.Number == summary.Document.LatestVersion);
    });

    private Task<ReviewedDocument> DocumentAsync(int summaryId)
        => QueryAsync(db => db.Set<HandlingSummary>().Where(s => s.Id == summaryId).Select(s => s.Document).SingleAsync());

    private async Task<string?> StoredTemplateAsync()
    {
        using var scope = site.Factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<SummaryTemplates>().StoredAsync();
    }

    private Task<List<AuditEvent>> AuditAsync(int documentId)
    {
        var subject = ReviewedDocument.SubjectId(documentId);
        return QueryAsync(db => db.Set<AuditEvent>().Where(e => e.SubjectId == subject).OrderBy(e => e.Id).ToListAsync());
    }

    private async Task<T> QueryAsync<T>(Func<TransparencyDbContext, Task<T>> query)
    {
        using var scope = site.Factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<TransparencyDbContext>());
    }
}

public sealed class SummariesSiteTestsOnSqlite(SqliteSite site) : SummariesSiteTests<SqliteSite>(site);

public sealed class SummariesSiteTestsOnPostgreSql(PostgreSqlSite site) : SummariesSiteTests<PostgreSqlSite>(site);
