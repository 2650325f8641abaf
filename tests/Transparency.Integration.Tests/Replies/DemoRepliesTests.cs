using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Transparency.Proposals.Models;
using Transparency.Replies.Models;

namespace Transparency.Integration.Tests.Replies;

/// <summary>
/// The demo recipe's replies to 市十六届人大三次会议: 7 published (outcomes A, B and C, two with redacted public texts),
/// 0084 waiting at 审核 in the reviewer's inbox, 0092 returned to its unit's drafters with its comment. Read only: the other
/// Replies tests work on proposals of their own.
/// </summary>
public abstract class DemoRepliesTests<TSite>(TSite site) where TSite : RepliesSite
{
    private const string Mark = "〔已删除：个人信息〕";

    [Fact]
    public async Task SevenArePublishedWithOutcomesAToCAndTwoOfThemRedacted()
    {
        var demo = await DemoRepliesAsync();
        // 9 first-round replies, and 0066's re-handled round-2 reply (sent, rated 满意, not published).
        Assert.Equal(10, demo.Count);
        Assert.Equal([("0066", 2, DocumentStatus.Sent)], demo.Where(r => r.Reply.Round > 1).Select(r => (r.Number, r.Reply.Round, r.Reply.Document.Status)));
        var published = demo.Where(r => r.Reply.Document.Status == DocumentStatus.Published).ToList();
        Assert.Equal(7, published.Count);
        Assert.Equal(["0012", "0027", "0035", "0041", "0053", "0066", "0078"], published.Select(r => r.Number).Order(StringComparer.Ordinal));

        var versions = await site.QueryAsync(async db =>
        {
            var documentIds = published.Select(r => r.Reply.DocumentId).ToList();
            return await db.Set<DocumentVersion>().AsNoTracking().Where(v => documentIds.Contains(v.DocumentId)).ToListAsync();
        });
        var publicVersions = published
            .Select(r => (r.Number, Version: versions.Single(v => v.DocumentId == r.Reply.DocumentId && v.Number == r.Reply.Document.PublishedVersion)))
            .ToList();
        Assert.All(publicVersions, p => Assert.Equal(VersionState.Published, p.Version.State));
        Assert.All(published, r => Assert.NotNull(r.Reply.SentOn));
        Assert.Equal([ReplyOutcome.A, ReplyOutcome.B, ReplyOutcome.C], publicVersions.Select(p => p.Version.Outcome!.Value).Distinct().Order());

        // The two redacted ones: a version of their own for publication, the marks in its public text only, the decisions recorded.
        var redacted = publicVersions.Where(p => p.Version.PublicHtml.Contains(Mark, StringComparison.Ordinal)).ToList();
        Assert.Equal(2, redacted.Count);
        var records = await site.QueryAsync(db => db.Set<PersonalDataRecord>().AsNoTracking().ToListAsync());
        foreach (var (number, version) in redacted)
        {
            Assert.Equal(2, version.Number);
            Assert.DoesNotContain(Mark, version.OfficialHtml);
            var original = versions.Single(v => v.DocumentId == version.DocumentId && v.Number == 1);
            Assert.DoesNotContain(Mark, original.PublicHtml);
            var mine = records.Where(r => r.DocumentId == version.DocumentId).ToList();
            Assert.True(mine.Count > 0, $"{number}: no personal-data records");
            Assert.All(mine, r =>
            {
                Assert.Equal(PersonalDataDecision.Redacted, r.Decision);
                Assert.DoesNotContain(r.Value, version.PublicHtml);
                Assert.Contains(r.Value, original.PublicHtml);
            });
        }

        Assert.All(publicVersions.Except(redacted), p => Assert.Equal(1, p.Version.Number));
    }

    [Fact]
    public async Task Reply0084WaitsForReviewInTheReviewersInboxAnd0092IsBackWithTheDrafterWithItsComment()
    {
        var demo = await DemoRepliesAsync();
        var inReview = demo.Single(r => r.Number == "0084").Reply;
        var returned = demo.Single(r => r.Number == "0092").Reply;
        Assert.Equal((DocumentStatus.InReview, (int?)0), (inReview.Document.Status, inReview.Document.StageIndex));
        Assert.Equal(DocumentStatus.Returned, returned.Document.Status);

        using var reviewer = await site.SignInAsync("reviewer");
        var row = Row(await reviewer.GetStringAsync("/admin/replies/inbox"), inReview.Id);
        Assert.NotNull(row);
        Assert.Contains("0084", row.TextContent);
        Assert.Contains("待审核", row.TextContent);
        Assert.Contains("市容环境科", row.TextContent);
        Assert.Null(Row(await reviewer.GetStringAsync("/admin/replies/inbox"), returned.Id)); // nothing for the reviewer to do

        // Not the approver's turn yet.
        using var approver = await site.SignInAsync("approver");
        Assert.Null(Row(await approver.GetStringAsync("/admin/replies/inbox"), inReview.Id));

        // 0092 belongs to 市政设施科: its drafters (the demo's drafter is in 市容环境科 only) find it returned.
        using var drafter = await site.SignInAsync(RepliesSite.MunicipalDrafter);
        var drafterInbox = await drafter.GetStringAsync("/admin/replies/inbox");
        var back = Row(drafterInbox, returned.Id);
        Assert.NotNull(back);
        Assert.Contains("0092", back.TextContent);
        Assert.Contains("已退回，待修改后重新提交", back.TextContent);
        Assert.Null(Row(drafterInbox, inReview.Id));

        var comment = (await site.DecisionsAsync(returned.Id)).Single(d => d.Action == DecisionAction.Returned);
        Assert.Equal(("审核", "reviewer"), (comment.Stage, comment.Actor));
        Assert.StartsWith("请修改后重新提交：一、第三部分“研究施划路内停车泊位”表述过于原则", comment.Comment);
        var edit = new HtmlParser().ParseDocument(await drafter.GetStringAsync($"/admin/replies/{returned.Id}/edit"));
        var note = edit.QuerySelector("div.notice[role=note]");
        Assert.NotNull(note);
        Assert.Contains("退回意见", note.TextContent);
        Assert.Contains(comment.Comment!, note.TextContent);
    }

    private static IElement? Row(string inbox, int replyId)
        => new HtmlParser().ParseDocument(inbox).QuerySelectorAll("tr").FirstOrDefault(tr => tr.QuerySelector($"a[href='/admin/replies/{replyId}']") is not null);

    private Task<List<(string Number, Reply Reply)>> DemoRepliesAsync() => site.QueryAsync(async db =>
    {
        var proposals = await db.Set<Proposal>().AsNoTracking().Where(p => p.Session.Name == RepliesSite.DemoSession)
            .ToDictionaryAsync(p => p.Id, p => p.Number);
        var ids = proposals.Keys.ToList();
        var replies = await db.Set<Reply>().AsNoTracking().Include(r => r.Document).Where(r => ids.Contains(r.ProposalId)).ToListAsync();
        return replies.Select(r => (proposals[r.ProposalId], r)).ToList();
    });
}

[Collection(RepliesSqliteCollection.Name)]
public sealed class DemoRepliesTestsOnSqlite(RepliesSqliteSite site) : DemoRepliesTests<RepliesSqliteSite>(site);

[Collection(RepliesPostgreSqlCollection.Name)]
public sealed class DemoRepliesTestsOnPostgreSql(RepliesPostgreSqlSite site) : DemoRepliesTests<RepliesPostgreSqlSite>(site);
