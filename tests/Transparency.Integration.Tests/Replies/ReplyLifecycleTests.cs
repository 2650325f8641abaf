using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Transparency.AuditTrail.Models;
using Transparency.Integration.Tests.Infrastructure;
using Transparency.Notifications.Models;
using Transparency.Proposals.Models;
using Transparency.Replies.Models;

namespace Transparency.Integration.Tests.Replies;

/// <summary>
/// A reply's life over HTTP with the demo users: started on a fresh proposal, saved, submitted, returned (the comment is
/// mandatory; the drafter is notified), resubmitted, approved at 审核 and 审定, sent (the proposal becomes Replied) and
/// published; every step leaves its audit event and decision record. Two editors at once, versions, diff and restore.
/// </summary>
public abstract class ReplyLifecycleTests<TSite>(TSite site) where TSite : RepliesSite
{
    private const string FirstText = "<p>您提出的建议收悉。现答复如下：</p><p>一、今年在老城区背街小巷增设分类垃圾桶120组。</p>";
    private const string SecondText = "<p>您提出的建议收悉。现答复如下：</p><p>一、今年在老城区背街小巷增设分类垃圾桶120组，9月底前完成。</p>";
    private const string ReturnComment = "请写明完成时限。";

    [Fact]
    public async Task AReplyGoesFromDraftThroughReturnAndBothStagesToSentAndPublished()
    {
        var proposalId = await site.CreateProposalAsync();
        using var drafter = await site.SignInAsync("drafter");
        using var reviewer = await site.SignInAsync("reviewer");
        using var approver = await site.SignInAsync("approver");
        using var coordinator = await site.SignInAsync("coordinator");

        // Start: a first draft with the customary title; the proposal is now in progress.
        var id = await RepliesSite.StartReplyAsync(drafter, proposalId);
        var page = $"/admin/replies/{id}";
        Assert.Equal(ProposalStatus.InProgress, await site.ProposalStatusAsync(proposalId));
        var started = Assert.Single(await site.QueryAsync(db => db.Set<AuditEvent>()
            .Where(e => e.SubjectId == $"proposal:{proposalId}" && e.Category == "Replies").ToListAsync()));
        Assert.Equal(("Started", "drafter"), (started.Action, started.Actor));
        var v1 = Assert.Single(await site.VersionsAsync(id));
        Assert.Matches(@"^关于答复测试会议第R\d{3}号建议的答复$", v1.Title);
        Assert.Equal((VersionState.Draft, 1), (v1.State, v1.Revision));

        // Save: the texts (public = official when left blank) and the letter fields.
        await RepliesSite.SaveAsync(drafter, id, FirstText);
        v1 = Assert.Single(await site.VersionsAsync(id));
        Assert.Equal((FirstText, FirstText, ReplyOutcome.A, 2, "drafter"), (v1.OfficialHtml, v1.PublicHtml, v1.Outcome, v1.Revision, v1.UpdatedBy));
        var reply = await site.ReplyAsync(id);
        Assert.Equal(("市城管建字〔2026〕1号", "李建军", "0551-62617315"), (reply.DocumentNumber, reply.ContactPerson, reply.ContactPhone));
        Assert.Equal(DocumentStatus.Draft, reply.Document.Status);

        // Submit to 审核.
        await RepliesSite.PostOkAsync(drafter, page, page + "/submit", [new("comment", "请审核。")]);
        reply = await site.ReplyAsync(id);
        Assert.Equal((DocumentStatus.InReview, (int?)0), (reply.Document.Status, reply.Document.StageIndex));
        Assert.Contains($"href=\"{page}\"", await reviewer.GetStringAsync("/admin/replies/inbox"));

        // A return without a comment is refused and changes nothing.
        var (decisions, audit, notices) = (await site.DecisionsAsync(id), await site.AuditAsync(id), await NoticesAsync(id));
        var noComment = await reviewer.PostFormAsync(page, page + "/return", [new("comment", "  ")]);
        Assert.Equal(HttpStatusCode.BadRequest, noComment.StatusCode);
        Assert.Contains("退回时必须填写退回意见", await noComment.Content.ReadAsStringAsync());
        reply = await site.ReplyAsync(id);
        Assert.Equal((DocumentStatus.InReview, (int?)0), (reply.Document.Status, reply.Document.StageIndex));
        Assert.Equal(VersionState.Submitted, Assert.Single(await site.VersionsAsync(id)).State);
        Assert.Equal(decisions.Count, (await site.DecisionsAsync(id)).Count);
        Assert.Equal(audit.Count, (await site.AuditAsync(id)).Count);
        Assert.Equal(notices.Count, (await NoticesAsync(id)).Count);
        Assert.Empty(notices);

        // A return with a comment: Returned, and the drafter finds a notice in the app and the comment on the edit page.
        var returned = await reviewer.PostFormAsync(page, page + "/return", [new("comment", ReturnComment)]);
        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
        reply = await site.ReplyAsync(id);
        Assert.Equal((DocumentStatus.Returned, (int?)null), (reply.Document.Status, reply.Document.StageIndex));
        var notice = Assert.Single(await NoticesAsync(id));
        Assert.Equal("drafter", notice.UserName);
        Assert.Null(notice.ReadUtc);
        Assert.Contains("在审核环节被退回：" + ReturnComment, notice.Message);
        Assert.Contains(notice.Message, WebUtility.HtmlDecode(await drafter.GetStringAsync("/admin/notifications")));
        var editPage = await drafter.GetStringAsync(page + "/edit");
        Assert.Contains("退回意见", editPage);
        Assert.Contains(ReturnComment, editPage);

        // The drafter revises and resubmits in one go: a second version.
        await RepliesSite.SaveAsync(drafter, id, SecondText, command: "submit");
        var versions = await site.VersionsAsync(id);
        Assert.Equal([(1, VersionState.Returned), (2, VersionState.Submitted)], versions.Select(v => (v.Number, v.State)));
        Assert.Equal(SecondText, versions[1].OfficialHtml);

        // 审核 by the reviewer, 审定 by the approver.
        await RepliesSite.PostOkAsync(reviewer, page, page + "/approve", [new("comment", "同意。")]);
        reply = await site.ReplyAsync(id);
        Assert.Equal((DocumentStatus.AwaitingApproval, (int?)1), (reply.Document.Status, reply.Document.StageIndex));
        Assert.Contains($"href=\"{page}\"", await approver.GetStringAsync("/admin/replies/inbox"));
        await RepliesSite.PostOkAsync(approver, page, page + "/approve");
        reply = await site.ReplyAsync(id);
        Assert.Equal((DocumentStatus.Approved, (int?)null), (reply.Document.Status, reply.Document.StageIndex));
        Assert.Equal(VersionState.Approved, (await site.VersionsAsync(id))[1].State);
        Assert.Equal(ProposalStatus.InProgress, await site.ProposalStatusAsync(proposalId));

        // 送达: not in the future; then the proposal becomes Replied.
        var today = RepliesSite.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var tomorrow = RepliesSite.Today.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var future = await coordinator.PostFormAsync(page + "/send", page + "/send", [new("SentOn", tomorrow), new("Channel", "Mail")]);
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.Contains("送达日期不能晚于今天", await future.Content.ReadAsStringAsync());
        reply = await site.ReplyAsync(id);
        Assert.Equal((DocumentStatus.Approved, (DateOnly?)null), (reply.Document.Status, reply.SentOn));
        Assert.Equal(ProposalStatus.InProgress, await site.ProposalStatusAsync(proposalId));
        await RepliesSite.PostOkAsync(coordinator, page + "/send", page + "/send", [new("SentOn", today), new("Channel", "Mail")]);
        reply = await site.ReplyAsync(id);
        Assert.Equal((DocumentStatus.Sent, (DateOnly?)RepliesSite.Today, (SendChannel?)SendChannel.Mail, "coordinator"),
            (reply.Document.Status, reply.SentOn, reply.SentChannel, reply.SentBy));
        Assert.Equal(ProposalStatus.Replied, await site.ProposalStatusAsync(proposalId));

        // 公开: nothing personal in the text, so nothing to decide.
        var publishPage = await coordinator.GetStringAsync(page + "/publish");
        Assert.Contains("公开文本中未发现", publishPage);
        await RepliesSite.PostOkAsync(coordinator, page + "/publish", page + "/publish", [new("comment", "按程序公开。")]);
        reply = await site.ReplyAsync(id);
        Assert.Equal((DocumentStatus.Published, (int?)2), (reply.Document.Status, reply.Document.PublishedVersion));
        Assert.NotNull(reply.Document.PublishedUtc);
        Assert.Equal(VersionState.Published, (await site.VersionsAsync(id))[1].State);

        // Every step: a decision record and an audit event with its transition.
        Assert.Equal(
            [
                (DecisionAction.Submitted, "审核", 1, "drafter", "请审核。"),
                (DecisionAction.Returned, "审核", 1, "reviewer", ReturnComment),
                (DecisionAction.Submitted, "审核", 2, "drafter", null),
                (DecisionAction.Approved, "审核", 2, "reviewer", "同意。"),
                (DecisionAction.Approved, "审定", 2, "approver", null),
                (DecisionAction.Sent, null, 2, "coordinator", $"{today} 邮寄"),
                (DecisionAction.Published, null, 2, "coordinator", "按程序公开。"),
            ],
            (await site.DecisionsAsync(id)).Select(d => (d.Action, d.Stage, d.VersionNumber, d.Actor, d.Comment)));
        Assert.Equal(
            [
                ("DraftSaved", "drafter", null, null),
                ("Submitted", "drafter", "Draft", "InReview"),
                ("Returned", "reviewer", "InReview", "Returned"),
                ("DraftSaved", "drafter", null, null),
                ("Submitted", "drafter", "Draft", "InReview"),
                ("Approved", "reviewer", "InReview", "AwaitingApproval"),
                ("Approved", "approver", "AwaitingApproval", "Approved"),
                ("Sent", "coordinator", "Approved", "Sent"),
                ("Published", "coordinator", "Sent", "Published"),
            ],
            (await site.AuditAsync(id)).Where(e => e.Category == "Replies").Select(e => (e.Action, e.Actor, e.FromState, e.ToState)));
        var returnEvent = (await site.AuditAsync(id)).Single(e => e.Action == "Returned");
        Assert.Equal(ReturnComment, returnEvent.Comment);

        // The history is on the reply's page.
        var details = await drafter.GetStringAsync(page);
        Assert.Contains(ReturnComment, details);
        Assert.Contains("按程序公开。", details);
    }

    [Fact]
    public async Task TheSecondOfTwoEditorsGets409WithWhoSavedAndTheDiffAndOverwritesNothing()
    {
        const string theirs = "<p>您提出的建议收悉。</p><p>周海燕补充：增设分类垃圾桶120组。</p>";
        const string mine = "<p>您提出的建议收悉。</p><p>李建军改写：增设分类垃圾桶150组。</p>";
        var proposalId = await site.CreateProposalAsync();
        using var drafter = await site.SignInAsync("drafter");
        using var second = await site.SignInAsync(RepliesSite.SecondDrafter);
        var id = await RepliesSite.StartReplyAsync(drafter, proposalId);
        var edit = $"/admin/replies/{id}/edit";
        await RepliesSite.SaveAsync(drafter, id, "<p>您提出的建议收悉。</p>");

        // Both open the editor on the same version and revision.
        var mineBase = await RepliesSite.EditBaseAsync(drafter, id);
        var theirBase = await RepliesSite.EditBaseAsync(second, id);
        Assert.Equal((1, 2), mineBase);
        Assert.Equal(mineBase, theirBase);

        var first = await second.PostFormAsync(edit, edit, RepliesSite.EditFields(theirBase, theirs, contactPerson: "周海燕"));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        var conflict = await drafter.PostFormAsync(edit, edit, RepliesSite.EditFields(mineBase, mine, contactPerson: "李建军（改）", title: "我改的标题"));
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        var html = await conflict.Content.ReadAsStringAsync();
        var document = new HtmlParser().ParseDocument(html);
        var section = document.QuerySelector("section.conflict");
        Assert.NotNull(section);
        Assert.Contains("未保存：他人已修改此版本", section.TextContent);
        Assert.Contains($"{RepliesSite.SecondDrafter}于", section.TextContent); // who saved
        Assert.Contains("修订3", section.TextContent);
        var deleted = section.QuerySelectorAll("li.diff-del").Select(li => li.TextContent).ToList();
        var inserted = section.QuerySelectorAll("li.diff-ins").Select(li => li.TextContent).ToList();
        Assert.Contains(deleted, t => t.Contains("− 周海燕补充：增设分类垃圾桶120组。", StringComparison.Ordinal)); // the saved text, marked as removed by mine
        Assert.Contains(inserted, t => t.Contains("+ 李建军改写：增设分类垃圾桶150组。", StringComparison.Ordinal));
        Assert.Contains(section.QuerySelectorAll("li.diff-same"), li => li.TextContent.Contains("您提出的建议收悉。", StringComparison.Ordinal));
        // The user's own text is kept in the form for copying; the base stays the stale one.
        Assert.Contains("李建军改写", document.QuerySelector("textarea[name='Form.OfficialHtml']")!.TextContent);

        // Nothing was overwritten: the first saver's text, title and letter fields are stored; one save audited.
        var stored = Assert.Single(await site.VersionsAsync(id));
        Assert.Equal((theirs, theirs, 3, RepliesSite.SecondDrafter), (stored.OfficialHtml, stored.PublicHtml, stored.Revision, stored.UpdatedBy));
        Assert.Equal("关于背街小巷环境卫生整治建议的答复", stored.Title);
        Assert.Equal("周海燕", (await site.ReplyAsync(id)).ContactPerson);
        Assert.Equal(
            ["drafter", RepliesSite.SecondDrafter],
            (await site.AuditAsync(id)).Where(e => e.Action == "DraftSaved").Select(e => e.Actor));

        // Reloading the editor starts from the saved revision, and then a save goes through.
        var fresh = await RepliesSite.EditBaseAsync(drafter, id);
        Assert.Equal((1, 3), fresh);
        Assert.Equal(HttpStatusCode.Redirect, (await drafter.PostFormAsync(edit, edit, RepliesSite.EditFields(fresh, mine))).StatusCode);
        Assert.Equal(mine, Assert.Single(await site.VersionsAsync(id)).OfficialHtml);
    }

    [Fact]
    public async Task AReturnedAndRevisedReplyHasTwoVersionsWithADiffAndAnOldOneIsRestoredAsANewDraft()
    {
        const string line1 = "一、增设分类垃圾桶120组。";
        const string oldLine = "二、每日巡查两次。";
        const string newLine = "二、每日巡查三次，周末增加一次。";
        var proposalId = await site.CreateProposalAsync();
        using var drafter = await site.SignInAsync("drafter");
        using var reviewer = await site.SignInAsync("reviewer");
        var id = await RepliesSite.StartReplyAsync(drafter, proposalId);
        var page = $"/admin/replies/{id}";
        await RepliesSite.SaveAsync(drafter, id, $"<p>{line1}</p><p>{oldLine}</p>", command: "submit", outcome: "B");
        await RepliesSite.PostOkAsync(reviewer, page, page + "/return", [new("comment", "巡查频次偏低。")]);

        // Edited after the return: the returned version stays frozen, the edit is version 2.
        await RepliesSite.SaveAsync(drafter, id, $"<p>{line1}</p><p>{newLine}</p>", outcome: "A");
        var versions = await site.VersionsAsync(id);
        Assert.Equal([(1, VersionState.Returned, ReplyOutcome.B), (2, VersionState.Draft, ReplyOutcome.A)], versions.Select(v => (v.Number, v.State, v.Outcome)));

        var diff = new HtmlParser().ParseDocument(await drafter.GetStringAsync(page + "/diff?a=1&b=2"));
        var official = diff.QuerySelector("ol.diff")!; // the first list is the official text
        Assert.Equal([line1], Lines(official, "li.diff-same"));
        Assert.Equal(["删除： − " + oldLine], Lines(official, "li.diff-del"));
        Assert.Equal(["新增： + " + newLine], Lines(official, "li.diff-ins"));
        Assert.Contains("办理结果分类：B → A", diff.Body!.TextContent);

        var list = await drafter.GetStringAsync(page + "/versions");
        Assert.Contains("共2个版本", list);
        Assert.Contains($"action=\"{page}/restore\"", list);

        // Version 2 is submitted and returned in turn; then version 1 is restored as a new draft, version 3.
        await RepliesSite.PostOkAsync(drafter, page, page + "/submit");
        await RepliesSite.PostOkAsync(reviewer, page, page + "/return", [new("comment", "还是按原来的安排。")]);
        await RepliesSite.PostOkAsync(drafter, page + "/versions", page + "/restore", [new("number", "1")]);
        versions = await site.VersionsAsync(id);
        Assert.Equal(3, versions.Count);
        var (first, second, third) = (versions[0], versions[1], versions[2]);
        Assert.Equal((VersionState.Draft, "由第1版恢复"), (third.State, third.Note));
        Assert.Equal((first.Title, first.OfficialHtml, first.PublicHtml, first.Outcome), (third.Title, third.OfficialHtml, third.PublicHtml, third.Outcome));
        Assert.Equal((VersionState.Returned, $"<p>{line1}</p><p>{newLine}</p>"), (second.State, second.OfficialHtml)); // kept in the history
        var reply = await site.ReplyAsync(id);
        Assert.Equal((DocumentStatus.Draft, 3), (reply.Document.Status, reply.Document.LatestVersion));
        var restored = (await site.DecisionsAsync(id))[^1];
        Assert.Equal((DecisionAction.Restored, 3, "drafter", "由第1版恢复"), (restored.Action, restored.VersionNumber, restored.Actor, restored.Comment));
        Assert.Equal("VersionRestored", (await site.AuditAsync(id))[^1].Action);

        // The editor opens on version 3 with version 1's text, and the default diff (2 → 3) shows the way back.
        Assert.Equal((3, 1), await RepliesSite.EditBaseAsync(drafter, id));
        var back = new HtmlParser().ParseDocument(await drafter.GetStringAsync(page + "/diff")).QuerySelector("ol.diff")!;
        Assert.Equal(["删除： − " + newLine], Lines(back, "li.diff-del"));
        Assert.Equal(["新增： + " + oldLine], Lines(back, "li.diff-ins"));

        // A version that does not exist is 404.
        Assert.Equal(HttpStatusCode.NotFound, (await drafter.GetAsync(page + "/diff?a=1&b=9")).StatusCode);
    }

    [Fact]
    public async Task ARefusedSubmissionLeavesTheEditorOnTheRevisionItJustSaved()
    {
        var proposalId = await site.CreateProposalAsync();
        using var drafter = await site.SignInAsync("drafter");
        var id = await RepliesSite.StartReplyAsync(drafter, proposalId);
        var edit = $"/admin/replies/{id}/edit";
        var basedOn = await RepliesSite.EditBaseAsync(drafter, id);

        // 保存并提交审核 without an outcome class: the text is saved, the submission refused.
        var refused = await drafter.PostFormAsync(edit, edit, RepliesSite.EditFields(basedOn, FirstText, command: "submit").Where(f => f.Key != "Form.Outcome"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Contains("请选择办理结果分类", page);
        var saved = Assert.Single(await site.VersionsAsync(id));
        Assert.Equal((FirstText, 2), (saved.OfficialHtml, saved.Revision));

        // The user picks the class on the page they got back and submits again: that must go through, not conflict with their own save.
        var retry = RepliesSite.EditFields((RepliesSite.HiddenInt(page, "Form.VersionNumber"), RepliesSite.HiddenInt(page, "Form.Revision")), FirstText, command: "submit");
        retry.Add(new("__RequestVerificationToken", SiteClient.AntiforgeryToken(page)));
        using var content = new FormUrlEncodedContent(retry);
        var resubmitted = await drafter.Http.PostAsync(edit, content);
        Assert.Equal(HttpStatusCode.Redirect, resubmitted.StatusCode);
        Assert.Equal(DocumentStatus.InReview, (await site.ReplyAsync(id)).Document.Status);
    }

    [Fact]
    public async Task RestoringWhileTheLatestVersionIsADraftKeepsThatDraftInTheHistory()
    {
        var proposalId = await site.CreateProposalAsync();
        using var drafter = await site.SignInAsync("drafter");
        using var reviewer = await site.SignInAsync("reviewer");
        var id = await RepliesSite.StartReplyAsync(drafter, proposalId);
        var page = $"/admin/replies/{id}";
        await RepliesSite.SaveAsync(drafter, id, FirstText, command: "submit");
        await RepliesSite.PostOkAsync(reviewer, page, page + "/return", [new("comment", ReturnComment)]);
        await RepliesSite.SaveAsync(drafter, id, SecondText); // version 2, a draft

        await RepliesSite.PostOkAsync(drafter, page + "/versions", page + "/restore", [new("number", "1")]);

        var versions = await site.VersionsAsync(id);
        Assert.Equal(3, versions.Count);
        Assert.Equal(SecondText, versions[1].OfficialHtml);
        Assert.Equal((FirstText, "由第1版恢复"), (versions[2].OfficialHtml, versions[2].Note));
    }

    /// <summary>The text of the diff lines of one kind, white space collapsed as a browser shows it.</summary>
    private static List<string> Lines(IElement list, string selector)
        => list.QuerySelectorAll(selector).Select(li => Regex.Replace(li.TextContent, @"\s+", " ").Trim()).ToList();

    private Task<List<Notice>> NoticesAsync(int replyId)
        => site.QueryAsync(db => db.Set<Notice>().AsNoTracking().Where(n => n.Url == $"/admin/replies/{replyId}/edit").ToListAsync());
}

[Collection(RepliesSqliteCollection.Name)]
public sealed class ReplyLifecycleTestsOnSqlite(RepliesSqliteSite site) : ReplyLifecycleTests<RepliesSqliteSite>(site);

[Collection(RepliesPostgreSqlCollection.Name)]
public sealed class ReplyLifecycleTestsOnPostgreSql(RepliesPostgreSqlSite site) : ReplyLifecycleTests<RepliesPostgreSqlSite>(site);
