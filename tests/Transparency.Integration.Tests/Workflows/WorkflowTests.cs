using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Transparency.Core.Calendar;
using Transparency.Core.Recipes;
using Transparency.Core.Workflows;
using Transparency.Data;
using Transparency.Notifications.Models;
using Transparency.Proposals.Models;
using Transparency.Replies.Models;
using Transparency.Workflows.Models;
using static Transparency.Integration.Tests.Search.SearchSteps;

namespace Transparency.Integration.Tests.Workflows;

/// <summary>The engine, its activities, the editor, the recipe step, mail, runs and the two-node reminders.</summary>
public abstract class WorkflowTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : WorkflowSite
{
    private static string Marker() => "wf" + Guid.NewGuid().ToString("N")[..10];

    [Fact]
    public async Task TheSetupRecipeInstallsTheDefaultWorkflows()
    {
        var types = await site.QueryAsync(db => db.Set<WorkflowType>().AsNoTracking().ToListAsync());
        foreach (var (name, trigger, enabled) in new[]
        {
            ("交办后通知承办单位", WorkflowEventNames.ProposalAssigned, true),
            ("答复提交后通知审核人员", WorkflowEventNames.ReplySubmitted, true),
            ("答复退回后邮件告知起草人员", WorkflowEventNames.ReplyReturned, true),
            ("答复送达后邀请代表委员评价", WorkflowEventNames.ReplySent, true),
            ("答复送达后上传至网上办理平台（示例，默认停用）", WorkflowEventNames.ReplySent, false),
            ("不满意时重新办理并告知协调人员", WorkflowEventNames.FeedbackReceived, true),
            ("办理期限临近提醒", WorkflowEventNames.DeadlineApproaching, true),
            ("超期未办复提醒", WorkflowEventNames.Overdue, true),
            ("承诺事项逾期提醒", WorkflowEventNames.CommitmentOverdue, true),
        })
        {
            var type = Assert.Single(types, t => t.Name == name);
            Assert.Equal((trigger, enabled), (type.Event, type.Enabled));
        }
    }

    [Fact]
    public async Task TheEditorRefusesAnInvalidDefinitionAndNamesEachField()
    {
        using var admin = site.Factory.CreateSiteClient();
        await admin.SignInAsAdminAsync();
        var json = """
            { "name": "坏流程", "event": "ReplySent", "start": "a",
              "activities": [ { "id": "a", "type": "IfElse", "condition": "event.rating ==", "next": { "True": "missing", "Maybe": "a" } },
                              { "id": "b", "type": "Teleport" } ] }
            """;
        var response = await admin.PostFormAsync("/admin/workflows/create", "/admin/workflows/save", [new("json", json)]);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("activities[0].next.True", page);
        Assert.Contains("没有编号为“missing”的活动", page);
        Assert.Contains("activities[0].next.Maybe", page);
        Assert.Contains("activities[0].condition", page);
        Assert.Contains("未知活动类型“Teleport”", page);
        Assert.False(await site.QueryAsync(db => db.Set<WorkflowType>().AnyAsync(t => t.Name == "坏流程")));

        var notJson = await admin.PostFormAsync("/admin/workflows/create", "/admin/workflows/save", [new("json", "{ \"name\": ")]);
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Contains("不是有效的JSON", await notJson.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ASavedWorkflowIsExportedAsARecipeThatTheWorkflowsStepImports()
    {
        var marker = Marker();
        using var admin = site.Factory.CreateSiteClient();
        await admin.SignInAsAdminAsync();
        var json = $$$"""
            { "name": "导出测试{{{marker}}}", "event": "Overdue", "enabled": false, "start": "log",
              "activities": [ { "id": "log", "type": "Log", "message": "{{{marker}}} {{ event.number }}" } ] }
            """;
        var saved = await admin.PostFormAsync("/admin/workflows/create", "/admin/workflows/save", [new("json", json)]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var export = await admin.GetStringAsync("/admin/workflows/export");
        using var recipe = JsonDocument.Parse(export);
        var step = recipe.RootElement.GetProperty("steps")[0];
        Assert.Equal("Workflows", step.GetProperty("name").GetString());
        Assert.Contains(step.GetProperty("workflows").EnumerateArray(), w => w.GetProperty("name").GetString() == $"导出测试{marker}");

        // Importing the export with the definition changed replaces the type of the same name.
        await site.QueryAsync(db => db.Set<WorkflowType>().Where(t => t.Name == $"导出测试{marker}").ExecuteDeleteAsync());
        var changed = export.Replace($"\"{marker} {{{{ event.number }}}}\"", $"\"{marker} changed\"", StringComparison.Ordinal);
        using (var scope = site.Factory.Services.CreateScope())
        {
            var workflows = scope.ServiceProvider.GetServices<IRecipeStep>().Single(s => s.Name == "Workflows");
            using var data = JsonDocument.Parse(changed);
            await workflows.ExecuteAsync(new RecipeStepContext(data.RootElement.GetProperty("steps")[0], "export-test", false), CancellationToken.None);
        }

        var imported = await site.QueryAsync(db => db.Set<WorkflowType>().AsNoTracking().SingleAsync(t => t.Name == $"导出测试{marker}"));
        Assert.False(imported.Enabled);
        Assert.Contains($"{marker} changed", imported.DefinitionJson);
    }

    [Fact]
    public async Task TheWorkflowsStepRefusesABadDefinitionNamingItsField()
    {
        using var scope = site.Factory.Services.CreateScope();
        var step = scope.ServiceProvider.GetServices<IRecipeStep>().Single(s => s.Name == "Workflows");
        using var data = JsonDocument.Parse("""
            { "name": "Workflows", "workflows": [
              { "name": "好", "event": "Overdue", "start": "a", "activities": [ { "id": "a", "type": "Log", "message": "x" } ] },
              { "name": "坏", "event": "Overdue", "start": "a", "activities": [ { "id": "a", "type": "SendEmail", "subject": "s" } ] } ] }
            """);
        var error = await Assert.ThrowsAsync<RecipeStepException>(() => step.ExecuteAsync(new RecipeStepContext(data.RootElement, "bad", false), CancellationToken.None));
        Assert.Equal("workflows[1].activities[0].body", error.Field);
        Assert.Contains("必须填写", error.Message);
    }

    [Fact]
    public async Task AReplyRaisesItsEventsTheReviewerIsNotifiedAndTheRepresentativeGetsTheInvitationByMail()
    {
        var address = $"{Marker()}@deputies.example.cn";
        var world = await site.WorldAsync();
        await site.QueryAsync(db => db.Set<Representative>().Where(r => r.Id == world.RepresentativeId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Email, address)));

        var (proposalId, replyId) = await SentReplyAsync(site, "关于workflowevents的建议", "<p>答复正文。</p>");
        var id = replyId.ToString(CultureInfo.InvariantCulture);
        var events = await site.QueryAsync(db => db.Set<OutboxEvent>().AsNoTracking().Where(e => e.Subject == $"proposal:{proposalId}").ToListAsync());
        foreach (var name in new[] { WorkflowEventNames.ReplySubmitted, WorkflowEventNames.ReplyApproved, WorkflowEventNames.ReplySent })
        {
            var e = Assert.Single(events, x => x.EventName == name);
            Assert.Contains($"\"replyId\":\"{id}\"", e.ValuesJson);
        }

        // 答复提交后通知审核人员: the reviewer of 市容环境科, in the app.
        await WorkflowWait.UntilAsync(site.Factory, db => db.Set<Notice>().AsNoTracking()
            .Where(n => n.UserName == "reviewer" && n.Url == $"/admin/replies/{replyId}").FirstOrDefaultAsync(), TimeSpan.FromSeconds(20), "the reviewer was not notified");

        // 答复送达后邀请代表委员评价: an e-mail with the representative's own invitation link.
        await WorkflowWait.UntilAsync(() => site.Smtp.To(address).Count > 0, TimeSpan.FromSeconds(20), "no mail reached the representative");
        var mail = Assert.Single(site.Smtp.To(address));
        Assert.Contains("征询意见", mail.Subject);
        Assert.Contains("https://jyta.example.gov.cn/feedback/invitation/", mail.TextBody);
        Assert.Contains("赵测试", mail.TextBody);
        Assert.EndsWith("@transparency.workflows", mail.MessageId);

        await PublishAsync(site, replyId);
        Assert.True(await site.QueryAsync(db => db.Set<OutboxEvent>().AnyAsync(e => e.EventName == WorkflowEventNames.ReplyPublished && e.Subject == $"proposal:{proposalId}")));
    }

    [Fact]
    public async Task AReturnedReplyRaisesReplyReturnedAndTheDrafterIsToldByMail()
    {
        var marker = Marker();
        var proposalId = await site.CreateProposalAsync(title: $"关于{marker}的建议");
        using var drafter = await site.SignInAsync("drafter");
        var replyId = await Replies.RepliesSite.StartReplyAsync(drafter, proposalId);
        await Replies.RepliesSite.SaveAsync(drafter, replyId, "<p>答复正文。</p>", command: "submit");
        using (var reviewer = await site.SignInAsync("reviewer"))
        {
            var page = $"/admin/replies/{replyId}";
            await Replies.RepliesSite.PostOkAsync(reviewer, page, page + "/return", [new("comment", $"请补充{marker}。")]);
        }

        var returned = Assert.Single(await site.QueryAsync(db => db.Set<OutboxEvent>().AsNoTracking()
            .Where(e => e.EventName == WorkflowEventNames.ReplyReturned && e.Subject == $"proposal:{proposalId}").ToListAsync()));
        Assert.Contains("\"authors\":\"drafter\"", returned.ValuesJson);
        await WorkflowWait.UntilAsync(() => site.Smtp.Messages.Any(m => m.TextBody?.Contains($"请补充{marker}。", StringComparison.Ordinal) == true),
            TimeSpan.FromSeconds(20), "the drafter was not told by mail");
        var mail = Assert.Single(site.Smtp.Messages, m => m.TextBody?.Contains($"请补充{marker}。", StringComparison.Ordinal) == true);
        Assert.Equal("drafter@example.gov.cn", Assert.Single(mail.To.Mailboxes).Address);
        Assert.Contains("被退回", mail.Subject);
        Assert.Contains($"https://jyta.example.gov.cn/admin/replies/{replyId}/edit", mail.TextBody);
    }

    [Fact]
    public async Task ADissatisfiedRatingRaisesFeedbackReceivedAndTheDefaultFindsTheRoundOpenAndMailsTheCoordinator()
    {
        var marker = Marker();
        var world = await site.WorldAsync();
        var (proposalId, _) = await SentReplyAsync(site, $"关于{marker}的建议", "<p>答复正文。</p>");
        string link;
        using (var scope = site.Factory.Services.CreateScope())
        {
            link = await scope.ServiceProvider.GetRequiredService<IInvitationLinks>().PathAsync(proposalId, world.RepresentativeId, 1)
                ?? throw new InvalidOperationException("no invitation after sending");
        }

        using (var anonymous = site.Factory.CreateSiteClient())
        {
            var rated = await anonymous.PostFormAsync(link, link, Feedback.FeedbackSite.Form("Dissatisfied", comment: "答复未解决问题。"));
            Assert.True(rated.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, $"rating returned {(int)rated.StatusCode}");
        }

        var received = Assert.Single(await site.QueryAsync(db => db.Set<OutboxEvent>().AsNoTracking()
            .Where(e => e.EventName == WorkflowEventNames.FeedbackReceived && e.Subject == $"proposal:{proposalId}").ToListAsync()));
        Assert.Contains("\"rating\":\"不满意\"", received.ValuesJson);
        var run = Assert.Single(await site.FinishedRunsAsync(received.Id, "不满意时重新办理并告知协调人员"));
        Assert.Equal(RunStatus.Succeeded, run.Status);
        Assert.Equal(["check:True", "reopen:AlreadyOpen", "mail:Done"], run.Steps.OrderBy(s => s.Id).Select(s => $"{s.ActivityId}:{s.Outcome}"));
        await WorkflowWait.UntilAsync(() => site.Smtp.To("coordinator@example.gov.cn").Any(m => m.TextBody?.Contains(marker, StringComparison.Ordinal) == true),
            TimeSpan.FromSeconds(20), "the coordinator got no mail");
        Assert.Equal(ProposalStatus.Rehandling, await site.ProposalStatusAsync(proposalId));
    }

    [Fact]
    public async Task ABranchFollowsTheConditionAndEveryActivityRunIsRecorded()
    {
        var marker = Marker();
        await site.SaveWorkflowAsync($$$"""
            { "name": "分支{{{marker}}}", "event": "CommitmentOverdue", "start": "check",
              "activities": [
                { "id": "check", "type": "IfElse", "condition": "event.marker == \"{{{marker}}}\" and event.urgent == \"yes\"", "next": { "True": "notify", "False": "log" } },
                { "id": "notify", "type": "NotifyUsers", "users": "{{ event.who }}", "message": "紧急：{{ event.text }}", "url": "/admin/feedback" },
                { "id": "log", "type": "Log", "message": "不紧急：{{ event.text }}" } ] }
            """);

        var urgent = await site.RaiseAsync(WorkflowEventNames.CommitmentOverdue, ("marker", marker), ("urgent", "yes"), ("who", "drafter"), ("text", marker));
        var calm = await site.RaiseAsync(WorkflowEventNames.CommitmentOverdue, ("marker", marker), ("urgent", "no"), ("who", "drafter"), ("text", marker));

        var first = Assert.Single(await site.FinishedRunsAsync(urgent, $"分支{marker}"));
        Assert.Equal(RunStatus.Succeeded, first.Status);
        Assert.Equal(["check:True", "notify:Done"], first.Steps.OrderBy(s => s.Id).Select(s => $"{s.ActivityId}:{s.Outcome}"));
        Assert.Contains("drafter", first.Steps.Single(s => s.ActivityId == "notify").Detail);
        var second = Assert.Single(await site.FinishedRunsAsync(calm, $"分支{marker}"));
        Assert.Equal(["check:False", "log:Done"], second.Steps.OrderBy(s => s.Id).Select(s => $"{s.ActivityId}:{s.Outcome}"));
        Assert.Equal($"不紧急：{marker}", second.Steps.Single(s => s.ActivityId == "log").Detail);

        var notices = await site.QueryAsync(db => db.Set<Notice>().AsNoTracking().Where(n => n.Message == $"紧急：{marker}").ToListAsync());
        Assert.Equal("drafter", Assert.Single(notices).UserName);

        using var admin = site.Factory.CreateSiteClient();
        await admin.SignInAsAdminAsync();
        var page = await admin.GetStringAsync($"/admin/workflows/runs/{first.Id}");
        Assert.Contains("data-run-status=\"Succeeded\"", page);
        Assert.Contains("<code>notify</code>", page);
    }

    [Fact]
    public async Task AnHttpRequestIsRetriedWithTheSameIdempotencyKeyAndTheResponseIsRecorded()
    {
        var marker = Marker();
        await site.SaveWorkflowAsync($$$"""
            { "name": "上传{{{marker}}}", "event": "CommitmentOverdue", "start": "gate",
              "activities": [
                { "id": "gate", "type": "IfElse", "condition": "event.marker == \"{{{marker}}}\"", "next": { "True": "upload" } },
                { "id": "upload", "type": "HttpRequest", "url": "{{{site.Platform.Url}}}", "body": "{ \"marker\": \"{{ event.marker }}\", \"number\": \"{{ event.number }}\" }" } ] }
            """);
        site.Platform.Respond(503, 200);
        var outbox = await site.RaiseAsync(WorkflowEventNames.CommitmentOverdue, ("marker", marker), ("number", "0012"));

        var run = Assert.Single(await site.FinishedRunsAsync(outbox, $"上传{marker}"));
        Assert.Equal(RunStatus.Succeeded, run.Status);
        var upload = run.Steps.Single(s => s.ActivityId == "upload");
        Assert.Equal("Succeeded", upload.Outcome);
        Assert.Contains("HTTP 503", upload.Detail);
        Assert.Contains("HTTP 200", upload.Detail);
        Assert.Contains("PLT-001", upload.Detail);
        var requests = site.Platform.Requests.Where(r => r.Body.Contains(marker, StringComparison.Ordinal)).ToList();
        Assert.Equal(2, requests.Count);
        Assert.Single(requests.Select(r => r.Key).Distinct());
        Assert.Equal($"wf-{outbox}-{run.Id}-upload", requests[0].Key);
        Assert.Equal("0012", JsonDocument.Parse(requests[0].Body).RootElement.GetProperty("number").GetString());
    }

    [Fact]
    public async Task AFailedRunIsListedAndARetryResumesAtTheFailedActivity()
    {
        var marker = Marker();
        await site.SaveWorkflowAsync($$$"""
            { "name": "重试{{{marker}}}", "event": "CommitmentOverdue", "start": "gate",
              "activities": [
                { "id": "gate", "type": "IfElse", "condition": "event.marker == \"{{{marker}}}\"", "next": { "True": "log" } },
                { "id": "log", "type": "Log", "message": "{{{marker}}}", "next": { "Done": "upload" } },
                { "id": "upload", "type": "HttpRequest", "url": "{{{site.Platform.Url}}}", "body": "{ \"marker\": \"{{{marker}}}\" }" } ] }
            """);
        site.Platform.Respond(503, 503);
        var outbox = await site.RaiseAsync(WorkflowEventNames.CommitmentOverdue, ("marker", marker));
        var failed = Assert.Single(await site.FinishedRunsAsync(outbox, $"重试{marker}"));
        Assert.Equal(RunStatus.Failed, failed.Status);
        Assert.Contains("HTTP 503", failed.Error);
        Assert.Equal(["gate", "log"], failed.Steps.OrderBy(s => s.Id).Select(s => s.ActivityId));

        using var admin = site.Factory.CreateSiteClient();
        await admin.SignInAsAdminAsync();
        Assert.Contains($"/admin/workflows/runs/{failed.Id}\"", await admin.GetStringAsync("/admin/workflows/runs?status=Failed"));
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/admin/workflows/runs?status=Bogus")).StatusCode);

        site.Platform.Respond(200);
        var page = $"/admin/workflows/runs/{failed.Id}";
        var retry = await admin.PostFormAsync(page, page + "/retry", []);
        Assert.Equal(HttpStatusCode.Redirect, retry.StatusCode);
        var done = await WorkflowWait.UntilAsync(site.Factory, db => db.Set<WorkflowRun>().Include(r => r.Steps).AsNoTracking()
            .Where(r => r.Id == failed.Id && r.Status == RunStatus.Succeeded).FirstOrDefaultAsync(), TimeSpan.FromSeconds(20), "the retried run did not succeed");
        Assert.Equal(["gate", "log", "upload"], done.Steps.OrderBy(s => s.Id).Select(s => s.ActivityId));
        Assert.Equal(2, done.Attempts);
        Assert.True(await site.QueryAsync(db => db.Set<Transparency.AuditTrail.Models.AuditEvent>().AnyAsync(e => e.Action == "RunRetried" && e.SubjectId == $"workflow-run:{failed.Id}")));
    }

    [Fact]
    public async Task AMailThatFailsIsRetriedAndAfterTheLastAttemptShownOnTheOutboxPageForARetry()
    {
        var marker = Marker();
        await site.SaveWorkflowAsync($$$"""
            { "name": "邮件{{{marker}}}", "event": "CommitmentOverdue", "start": "gate",
              "activities": [
                { "id": "gate", "type": "IfElse", "condition": "event.marker == \"{{{marker}}}\"", "next": { "True": "mail" } },
                { "id": "mail", "type": "SendEmail", "to": "{{ event.to }}", "subject": "提醒{{ event.marker }}", "body": "您好：{{ event.marker }}" } ] }
            """);

        // One refusal: the mail goes out on the second attempt.
        site.Smtp.FailNext(1);
        var once = $"once-{marker}@example.cn";
        await site.RaiseAsync(WorkflowEventNames.CommitmentOverdue, ("marker", marker), ("to", once));
        await WorkflowWait.UntilAsync(() => site.Smtp.To(once).Count > 0, TimeSpan.FromSeconds(30), "the mail was not sent after a refusal");
        var sent = await site.QueryAsync(db => db.Set<OutgoingMail>().AsNoTracking().SingleAsync(m => m.To == once));
        Assert.Equal((MailStatus.Sent, 2), (sent.Status, sent.Attempts));
        Assert.Equal($"提醒{marker}", Assert.Single(site.Smtp.To(once)).Subject);

        // Refused at every attempt: failed, listed with its error, sent after a retry from the outbox page.
        var twice = $"twice-{marker}@example.cn";
        site.Smtp.FailNext(2);
        await site.RaiseAsync(WorkflowEventNames.CommitmentOverdue, ("marker", marker), ("to", twice));
        var failed = await WorkflowWait.UntilAsync(site.Factory, db => db.Set<OutgoingMail>().AsNoTracking()
            .Where(m => m.To == twice && m.Status == MailStatus.Failed).FirstOrDefaultAsync(), TimeSpan.FromSeconds(30), "the mail was not marked failed");
        Assert.Contains("Try again later", failed.LastError);
        using var admin = site.Factory.CreateSiteClient();
        await admin.SignInAsAdminAsync();
        var outbox = await admin.GetStringAsync("/admin/workflows/outbox");
        Assert.Contains(twice, outbox);
        Assert.Contains($"/admin/workflows/mails/{failed.Id}/retry", outbox);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/admin/workflows/outbox", $"/admin/workflows/mails/{failed.Id}/retry", [])).StatusCode);
        await WorkflowWait.UntilAsync(() => site.Smtp.To(twice).Count > 0, TimeSpan.FromSeconds(30), "the retried mail was not sent");
        Assert.Single(site.Smtp.To(twice));
    }

    [Fact]
    public async Task PublishReplyPublishesASentReplyAndOpenRehandlingRoundOpensNothingForASatisfiedRating()
    {
        var marker = Marker();
        var (_, replyId) = await SentReplyAsync(site, "关于workflowpublish的建议", "<p>可以公开的答复。</p>");
        await site.SaveWorkflowAsync($$$"""
            { "name": "公开{{{marker}}}", "event": "CommitmentOverdue", "start": "gate",
              "activities": [
                { "id": "gate", "type": "IfElse", "condition": "event.marker == \"{{{marker}}}\"", "next": { "True": "publish" } },
                { "id": "publish", "type": "PublishReply", "next": { "Published": "reopen" } },
                { "id": "reopen", "type": "OpenRehandlingRound" } ] }
            """);
        var outbox = await site.RaiseAsync(WorkflowEventNames.CommitmentOverdue, ("marker", marker), ("replyId", replyId), ("ratingId", 0));
        var run = Assert.Single(await site.FinishedRunsAsync(outbox, $"公开{marker}"));
        Assert.Equal(RunStatus.Succeeded, run.Status);
        Assert.Equal(["gate:True", "publish:Published", "reopen:NotApplicable"], run.Steps.OrderBy(s => s.Id).Select(s => $"{s.ActivityId}:{s.Outcome}"));
        var reply = await site.QueryAsync(db => db.Set<Reply>().Include(r => r.Document).AsNoTracking().SingleAsync(r => r.Id == replyId));
        Assert.Equal(DocumentStatus.Published, reply.Document.Status);
    }

    [Fact]
    public async Task WithTwoNodesOnOneDatabaseEachReminderIsMailedOnce()
    {
        var marker = Marker();
        var inbox = $"reminders-{marker}@example.cn";
        await site.SaveWorkflowAsync($$$"""
            { "name": "提醒计数{{{marker}}}", "event": "DeadlineApproaching", "start": "mail",
              "activities": [ { "id": "mail", "type": "SendEmail", "to": "{{{inbox}}}", "subject": "{{ event.assignmentId }}/{{ event.threshold }}", "body": "{{ event.dueOn }}" } ] }
            """);
        await site.SaveWorkflowAsync($$$"""
            { "name": "超期计数{{{marker}}}", "event": "Overdue", "start": "mail",
              "activities": [ { "id": "mail", "type": "SendEmail", "to": "{{{inbox}}}", "subject": "{{ event.assignmentId }}/overdue", "body": "{{ event.dueOn }}" } ] }
            """);

        await using var nodeB = site.CreateSecondNode();
        _ = nodeB.Server;

        // Two fresh deadlines: one 7 working days away, one passed.
        var approaching = await site.CreateProposalAsync();
        var overdue = await site.CreateProposalAsync();
        bool workingDay;
        int approachingAssignment, overdueAssignment;
        using (var scope = site.Factory.Services.CreateScope())
        {
            var calendar = scope.ServiceProvider.GetRequiredService<IWorkingDayCalendar>();
            var db = scope.ServiceProvider.GetRequiredService<TransparencyDbContext>();
            var today = RepliesSiteToday();
            workingDay = await calendar.IsWorkingDayAsync(today);
            var inSeven = await calendar.AddWorkingDaysAsync(today, 7);
            approachingAssignment = await db.Set<Assignment>().Where(a => a.ProposalId == approaching).Select(a => a.Id).SingleAsync();
            overdueAssignment = await db.Set<Assignment>().Where(a => a.ProposalId == overdue).Select(a => a.Id).SingleAsync();
            await db.Set<Assignment>().Where(a => a.Id == approachingAssignment).ExecuteUpdateAsync(s => s.SetProperty(a => a.DueOn, inSeven));
            await db.Set<Assignment>().Where(a => a.Id == overdueAssignment).ExecuteUpdateAsync(s => s.SetProperty(a => a.DueOn, today.AddDays(-3)));
        }

        var expected = new List<string> { $"{approachingAssignment}/7" };
        if (workingDay)
        {
            expected.Add($"{overdueAssignment}/overdue");
        }

        await WorkflowWait.UntilAsync(() => site.Smtp.To(inbox).Count >= expected.Count, TimeSpan.FromSeconds(30), "the reminders were not mailed");

        // Both nodes keep scanning every second; nothing is mailed twice.
        await Task.Delay(TimeSpan.FromSeconds(6));
        var mails = site.Smtp.To(inbox);
        Assert.Equal(expected.Order(StringComparer.Ordinal), mails.Select(m => m.Subject).Order(StringComparer.Ordinal));
        Assert.Equal(mails.Count, mails.Select(m => m.MessageId).Distinct().Count());
        var keys = await site.QueryAsync(db => db.Set<OutboxEvent>().AsNoTracking()
            .Where(e => e.UniqueKey!.StartsWith($"approaching:{approachingAssignment}:"))
            .Select(e => e.UniqueKey).ToListAsync());
        Assert.Single(keys);
    }

    [Fact]
    public async Task AnOverdueCommitmentRaisesCommitmentOverdueOnceAWorkingDay()
    {
        var world = await site.WorldAsync();
        var (proposalId, replyId) = await SentReplyAsync(site, $"关于{Marker()}的建议", "<p>答复正文。</p>");
        int commitmentId;
        bool workingDay;
        using (var scope = site.Factory.Services.CreateScope())
        {
            var today = RepliesSiteToday();
            workingDay = await scope.ServiceProvider.GetRequiredService<IWorkingDayCalendar>().IsWorkingDayAsync(today);
            var db = scope.ServiceProvider.GetRequiredService<TransparencyDbContext>();
            var commitment = new Transparency.Feedback.Models.Commitment
            {
                ReplyId = replyId,
                ProposalId = proposalId,
                Text = "年底前完成背街小巷分类垃圾桶增设",
                DueOn = today.AddDays(-2),
                UnitId = world.Units["市容环境科"],
                CreatedBy = "coordinator",
                CreatedUtc = DateTime.UtcNow,
            };
            db.Add(commitment);
            await db.SaveChangesAsync();
            commitmentId = commitment.Id;
        }

        // The reminder scan runs every second in these tests; the event's unique key (commitment, due date, day) lets
        // it be recorded once a day however often and on however many nodes the scan runs.
        Task<List<OutboxEvent>> RaisedAsync() => site.QueryAsync(db => db.Set<OutboxEvent>().AsNoTracking()
            .Where(e => e.EventName == WorkflowEventNames.CommitmentOverdue && e.UniqueKey!.StartsWith($"commitment:{commitmentId}:")).ToListAsync());
        if (workingDay)
        {
            await WorkflowWait.UntilAsync(site.Factory, db => db.Set<OutboxEvent>().AsNoTracking()
                .Where(e => e.EventName == WorkflowEventNames.CommitmentOverdue && e.UniqueKey!.StartsWith($"commitment:{commitmentId}:"))
                .FirstOrDefaultAsync(), TimeSpan.FromSeconds(30), "CommitmentOverdue was not raised");
        }

        await Task.Delay(TimeSpan.FromSeconds(3));
        var raised = await RaisedAsync();
        Assert.Equal(workingDay ? 1 : 0, raised.Count);
        if (workingDay)
        {
            Assert.Equal($"proposal:{proposalId}", raised[0].Subject);
        }
    }

    private static DateOnly RepliesSiteToday() => Replies.RepliesSite.Today;
}

public sealed class WorkflowTestsOnSqlite(WorkflowSqliteSite site) : WorkflowTests<WorkflowSqliteSite>(site);

public sealed class WorkflowTestsOnPostgreSql(WorkflowPostgreSqlSite site) : WorkflowTests<WorkflowPostgreSqlSite>(site);
