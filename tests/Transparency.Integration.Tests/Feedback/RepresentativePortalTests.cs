using System.Net;
using Microsoft.EntityFrameworkCore;
using Transparency.Integration.Tests.Infrastructure;
using Transparency.Proposals.Models;

namespace Transparency.Integration.Tests.Feedback;

/// <summary>
/// Point 2 of issue 6: a representative's own pages show their proposals across sessions with status and deadlines, the
/// sent replies (published or not, never drafts) and the consultations; every route refuses another representative's
/// proposal, an account that is no representative's, and anonymous visitors.
/// </summary>
public abstract class RepresentativePortalTests<TSite>(TSite site) where TSite : FeedbackSite
{
    [Fact]
    public async Task ARepresentativeSeesOwnProposalsAcrossSessionsWithSentRepliesButNeverDrafts()
    {
        var w = await site.FeedbackWorldAsync();
        var sent = await site.ProposalOfAsync(w.RepA);
        await site.ReplyAndSendAsync(sent, text: "<p>已送达但未公开的答复正文。</p>");
        var drafted = await site.ProposalOfAsync(w.RepA);
        using (var drafter = await site.SignInAsync("drafter"))
        {
            var replyId = await FeedbackSite.StartReplyAsync(drafter, drafted);
            await FeedbackSite.SaveAsync(drafter, replyId, "<p>尚在起草的草稿正文。</p>");
        }

        // A proposal of another session (the demo's 2020 session) co-signed by the representative.
        var demo = await site.QueryAsync(db => db.Set<Proposal>().Where(p => p.Number == "0027").Select(p => p.Id).SingleAsync());
        await site.QueryAsync(async db =>
        {
            db.Add(new ProposalRepresentative { ProposalId = demo, RepresentativeId = w.RepA, Position = 5 });
            return await db.SaveChangesAsync();
        });

        using var rep = await site.SignInAsync(FeedbackSite.RepA);
        var list = await rep.GetStringAsync("/my/proposals");
        Assert.Contains($"/my/proposals/{sent}", list);
        Assert.Contains($"/my/proposals/{drafted}", list);
        Assert.Contains($"/my/proposals/{demo}", list);
        Assert.Contains("答复测试会议", list);
        Assert.Contains("市十六届人大三次会议", list);
        Assert.Contains("待评价（第1轮）", list);

        var sentPage = await rep.GetStringAsync($"/my/proposals/{sent}");
        Assert.Contains("已送达但未公开的答复正文", sentPage);
        Assert.Contains("（未公开）", sentPage);
        Assert.Contains("id=\"feedback-form\"", sentPage);

        var draftPage = await rep.GetStringAsync($"/my/proposals/{drafted}");
        Assert.DoesNotContain("尚在起草的草稿正文", draftPage);
        Assert.Contains("答复尚未送达", draftPage);
        Assert.DoesNotContain("id=\"feedback-form\"", draftPage);

        var demoPage = await rep.GetStringAsync($"/my/proposals/{demo}");
        Assert.Contains("沟通联系情况", demoPage);
        Assert.Contains("王建国代表", demoPage);
    }

    [Fact]
    public async Task EveryPortalRouteRefusesAnotherRepresentativesProposalAndWritesNothing()
    {
        var w = await site.FeedbackWorldAsync();
        var theirs = await site.ProposalOfAsync(w.RepB);
        await site.ReplyAndSendAsync(theirs, text: "<p>孙雅琴代表的未公开答复。</p>");
        var drafted = await site.ProposalOfAsync(w.RepB);
        using (var drafter = await site.SignInAsync("drafter"))
        {
            await FeedbackSite.SaveAsync(drafter, await FeedbackSite.StartReplyAsync(drafter, drafted), "<p>孙雅琴代表的草稿。</p>");
        }

        using var repA = await site.SignInAsync(FeedbackSite.RepA);
        using var unlinked = await site.SignInAsync(FeedbackSite.Unlinked);
        using var anonymous = site.Factory.CreateSiteClient();
        var token = SiteClient.AntiforgeryToken(await repA.GetStringAsync("/account/login"));
        var unlinkedToken = SiteClient.AntiforgeryToken(await unlinked.GetStringAsync("/account/login"));
        foreach (var id in new[] { theirs, drafted, 999_999 })
        {
            // GET: not found for another representative (whatever exists), refused for an unlinked account, sign-in for anonymous.
            var get = await repA.GetAsync($"/my/proposals/{id}");
            Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
            Assert.DoesNotContain("孙雅琴代表", await get.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.Forbidden, (await unlinked.GetAsync($"/my/proposals/{id}")).StatusCode);
            var anonymousGet = await anonymous.GetAsync($"/my/proposals/{id}");
            Assert.Equal(HttpStatusCode.Redirect, anonymousGet.StatusCode);
            Assert.Contains("/account/login", anonymousGet.Headers.Location!.OriginalString);

            // POST: the same.
            var post = await repA.Http.PostAsync($"/my/proposals/{id}/feedback",
                new FormUrlEncodedContent(FeedbackSite.Form("Dissatisfied", round: 1).Append(new("__RequestVerificationToken", token))));
            Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
            var unlinkedPost = await unlinked.Http.PostAsync($"/my/proposals/{id}/feedback",
                new FormUrlEncodedContent(FeedbackSite.Form("Dissatisfied", round: 1).Append(new("__RequestVerificationToken", unlinkedToken))));
            Assert.Equal(HttpStatusCode.Forbidden, unlinkedPost.StatusCode);
        }

        var list = await repA.GetStringAsync("/my/proposals");
        Assert.DoesNotContain($"/my/proposals/{theirs}\"", list);
        Assert.DoesNotContain($"/my/proposals/{drafted}\"", list);
        Assert.Equal(HttpStatusCode.Forbidden, (await unlinked.GetAsync("/my/proposals")).StatusCode);
        Assert.Empty(await site.RatingsAsync(theirs));
        Assert.Equal(ProposalStatus.Replied, await site.ProposalStatusAsync(theirs));

        // A representative's invitation link opens only that representative's proposal: the link names it.
        var link = await site.LinkAsync(theirs, w.RepB);
        Assert.Contains("孙雅琴代表的未公开答复", await anonymous.GetStringAsync(link));
    }

    [Fact]
    public async Task TheFeedbackPostIsRateLimitedPerAddressAndPath()
    {
        await site.FeedbackWorldAsync();
        using var rep = await site.SignInAsync(FeedbackSite.RepA);
        var token = SiteClient.AntiforgeryToken(await rep.GetStringAsync("/account/login"));
        var path = $"/my/proposals/{Random.Shared.Next(2_000_000, 3_000_000)}/feedback";
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 11; i++)
        {
            var response = await rep.Http.PostAsync(path, new FormUrlEncodedContent(FeedbackSite.Form("Satisfied", round: 1).Append(new("__RequestVerificationToken", token))));
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.NotFound, 10), statuses.Take(10));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }
}

[Collection(FeedbackSqliteCollection.Name)]
public sealed class RepresentativePortalTestsOnSqlite(FeedbackSqliteSite site) : RepresentativePortalTests<FeedbackSqliteSite>(site);

[Collection(FeedbackPostgreSqlCollection.Name)]
public sealed class RepresentativePortalTestsOnPostgreSql(FeedbackPostgreSqlSite site) : RepresentativePortalTests<FeedbackPostgreSqlSite>(site);
