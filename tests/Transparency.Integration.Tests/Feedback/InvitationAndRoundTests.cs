using System.Net;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Transparency.AuditTrail.Models;
using Transparency.Core.Calendar;
using Transparency.Feedback.Models;
using Transparency.Integration.Tests.Infrastructure;
using Transparency.Notifications.Models;
using Transparency.Proposals.Models;
using Transparency.Replies.Models;

namespace Transparency.Integration.Tests.Feedback;

/// <summary>
/// Points 1, 3, 4 and 9 of issue 6 over HTTP: invitation links created when a reply is sent (one per representative,
/// 60 days), refused when expired, revoked, tampered or forged, final once used (a replay shows the rating that stands);
/// the form checked field by field; a dissatisfied rating opening round 2 with its deadline and notices, the round-2
/// reply going through drafting, both review stages and sending, the second rating, and the public page's two rounds.
/// </summary>
public abstract class InvitationAndRoundTests<TSite>(TSite site) where TSite : FeedbackSite
{
    private const string Complaint = "答复未说明完成时限，背街小巷保洁仍不到位，请重新办理。";
    private const string Praise = "重新办理认真细致，问题已解决，表示满意。";

    [Fact]
    public async Task SendingAReplyCreatesOneInvitationPerRepresentativeValidForSixtyDays()
    {
        var w = await site.FeedbackWorldAsync();
        var proposalId = await site.ProposalOfAsync(w.RepA, w.RepB);
        var before = DateTime.UtcNow;
        await site.ReplyAndSendAsync(proposalId);

        var invitations = await site.InvitationsAsync(proposalId);
        Assert.Equal([w.RepA, w.RepB], invitations.Select(i => i.RepresentativeId));
        Assert.All(invitations, i =>
        {
            Assert.Equal((1, (DateTime?)null, (DateTime?)null), (i.Round, i.RevokedUtc, i.UsedUtc));
            Assert.InRange(i.ExpiresUtc, before.AddDays(60).AddMinutes(-1), DateTime.UtcNow.AddDays(60).AddMinutes(1));
        });
        Assert.Equal("InvitationsCreated", Assert.Single(await site.FeedbackAuditAsync(proposalId)).Action);

        // The link opens the form without an account and shows the reply that was sent (not published).
        using var anonymous = site.Factory.CreateSiteClient();
        var link = await site.LinkAsync(proposalId, w.RepA);
        var page = await anonymous.GetStringAsync(link);
        Assert.Contains("征询意见表（第1轮）", page);
        Assert.Contains("分类垃圾桶120组", page);
        Assert.Contains("（未公开）", page);
        var response = await anonymous.GetAsync(link);
        Assert.True(response.Headers.CacheControl?.NoStore, "an invitation page must not be stored");

        // The coordinator finds both links on the proposal's feedback page.
        using var coordinator = await site.SignInAsync("coordinator");
        var admin = await coordinator.GetStringAsync($"/admin/feedback/proposals/{proposalId}");
        Assert.Equal(2, admin.Split("/feedback/invitation/").Length - 1);
    }

    [Fact]
    public async Task ExpiredRevokedTamperedAndForgedLinksAreRefusedAndWriteNothing()
    {
        var w = await site.FeedbackWorldAsync();
        var proposalId = await site.ProposalOfAsync(w.RepA, w.RepB);
        await site.ReplyAndSendAsync(proposalId);
        var invitations = await site.InvitationsAsync(proposalId);
        var (a, b) = (invitations[0], invitations[1]);
        var linkA = site.LinkOf(a);
        var linkB = site.LinkOf(b);
        using var anonymous = site.Factory.CreateSiteClient();

        // Tampered: one character of the token changed.
        var token = linkA["/feedback/invitation/".Length..];
        var middle = token.Length / 2;
        var tampered = "/feedback/invitation/" + token[..middle] + (token[middle] == 'A' ? 'B' : 'A') + token[(middle + 1)..];
        await AssertRefusedAsync(anonymous, tampered, HttpStatusCode.NotFound, "链接无效");
        await AssertRefusedAsync(anonymous, "/feedback/invitation/not-a-token", HttpStatusCode.NotFound, "链接无效");

        // Forged: signed for another purpose, or naming another representative than its row.
        using (var scope = site.Factory.Services.CreateScope())
        {
            var provider = scope.ServiceProvider.GetRequiredService<IDataProtectionProvider>();
            var otherPurpose = provider.CreateProtector("another purpose").Protect($"{a.Id}.{a.RepresentativeId}.{proposalId}.1");
            await AssertRefusedAsync(anonymous, "/feedback/invitation/" + otherPurpose, HttpStatusCode.NotFound, "链接无效");
            var otherPerson = provider.CreateProtector("Transparency.Feedback.Invitation.v1").Protect($"{a.Id}.{w.RepB}.{proposalId}.1");
            await AssertRefusedAsync(anonymous, "/feedback/invitation/" + otherPerson, HttpStatusCode.NotFound, "链接无效");
        }

        // Expired: its row says so (Feedback:InvitationDays decides the date when it is created).
        await site.QueryAsync(async db =>
        {
            var row = await db.Set<FeedbackInvitation>().SingleAsync(i => i.Id == a.Id);
            row.ExpiresUtc = DateTime.UtcNow.AddMinutes(-1);
            return await db.SaveChangesAsync();
        });
        await AssertRefusedAsync(anonymous, linkA, HttpStatusCode.Gone, "链接已过期");

        // Revoked by the coordinator: stops at once.
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(linkB)).StatusCode);
        using (var coordinator = await site.SignInAsync("coordinator"))
        {
            await FeedbackSite.PostOkAsync(coordinator, $"/admin/feedback/proposals/{proposalId}", $"/admin/feedback/invitations/{b.Id}/revoke");
        }

        await AssertRefusedAsync(anonymous, linkB, HttpStatusCode.Gone, "链接已撤销");
        Assert.Equal("coordinator", (await site.InvitationsAsync(proposalId))[1].RevokedBy);
        Assert.Contains(await site.FeedbackAuditAsync(proposalId), e => e.Action == "InvitationRevoked");

        // Nothing was rated through any of them.
        Assert.Empty(await site.RatingsAsync(proposalId));
        Assert.Equal(ProposalStatus.Replied, await site.ProposalStatusAsync(proposalId));

        // A new link for the representative works.
        using (var coordinator = await site.SignInAsync("coordinator"))
        {
            await FeedbackSite.PostOkAsync(coordinator, $"/admin/feedback/proposals/{proposalId}", $"/admin/feedback/proposals/{proposalId}/invitations",
                new KeyValuePair<string, string>("representativeId", FeedbackSite.Str(w.RepB)));
        }

        Assert.Equal(HttpStatusCode.Redirect, (await site.RateByLinkAsync(await site.LinkAsync(proposalId, w.RepB), FeedbackSite.Form("Satisfied"))).StatusCode);
    }

    [Fact]
    public async Task ARatingIsFinalAndAReplayedLinkShowsItWithoutChangingIt()
    {
        var w = await site.FeedbackWorldAsync();
        var proposalId = await site.ProposalOfAsync(w.RepA);
        await site.ReplyAndSendAsync(proposalId);
        var link = await site.LinkAsync(proposalId, w.RepA);

        var first = await site.RateByLinkAsync(link, FeedbackSite.Form("BasicallySatisfied", "基本满意，希望加快进度。"));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var rating = Assert.Single(await site.RatingsAsync(proposalId));
        Assert.Equal((Satisfaction.BasicallySatisfied, RatingChannel.Invitation, $"invitation:{rating.InvitationId}"), (rating.Overall, rating.Channel, rating.EnteredBy));
        Assert.NotNull(Assert.Single(await site.InvitationsAsync(proposalId)).UsedUtc);
        Assert.Equal(ProposalStatus.FeedbackReceived, await site.ProposalStatusAsync(proposalId));

        // Opened again: the rating that stands, no form.
        using var anonymous = site.Factory.CreateSiteClient();
        var page = await anonymous.GetStringAsync(link);
        Assert.Contains("第1轮评价", page);
        Assert.DoesNotContain("id=\"feedback-form\"", page);

        // Replayed with other values (a token taken from another page): 409, the first rating is shown, nothing changes.
        var replay = await PostWithTokenAsync(anonymous, link, FeedbackSite.Form("Dissatisfied", "改为不满意"));
        Assert.Equal(HttpStatusCode.Conflict, replay.StatusCode);
        Assert.Contains("评价提交后不能修改", await replay.Content.ReadAsStringAsync());
        var after = Assert.Single(await site.RatingsAsync(proposalId));
        Assert.Equal((rating.Id, Satisfaction.BasicallySatisfied, "基本满意，希望加快进度。"), (after.Id, after.Overall, after.Comment));
        Assert.Single(await site.FeedbackAuditAsync(proposalId), e => e.Action == "Rated");
        Assert.Equal(ProposalStatus.FeedbackReceived, await site.ProposalStatusAsync(proposalId));
    }

    [Fact]
    public async Task TheFormIsCheckedFieldByFieldAndNothingIsSaved()
    {
        var w = await site.FeedbackWorldAsync();
        var proposalId = await site.ProposalOfAsync(w.RepA);
        await site.ReplyAndSendAsync(proposalId);
        var link = await site.LinkAsync(proposalId, w.RepA);

        var cases = new (KeyValuePair<string, string>[] Fields, string Message)[]
        {
            (FeedbackSite.Form("Satisfied").Where(f => f.Key != "Overall").ToArray(), "请选择总体评价"),
            (FeedbackSite.Form("Satisfied").Where(f => f.Key != "Attitude").ToArray(), "请选择对办理态度的评价"),
            (FeedbackSite.Form("Satisfied").Where(f => f.Key != "FaceToFace").ToArray(), "是否与您当面沟通"),
            (FeedbackSite.Form("Satisfied", new string('意', 1001)), "不能超过1000个字"),
        };
        foreach (var (fields, message) in cases)
        {
            var response = await site.RateByLinkAsync(link, fields);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(message, await response.Content.ReadAsStringAsync());
        }

        var unknown = await site.RateByLinkAsync(link, FeedbackSite.Form("VeryHappy"));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Empty(await site.RatingsAsync(proposalId));
        Assert.DoesNotContain(await site.FeedbackAuditAsync(proposalId), e => e.Action == "Rated");
    }

    [Fact]
    public async Task EveryRepresentativeOfAProposalMayRateOncePerRound()
    {
        var w = await site.FeedbackWorldAsync();
        var proposalId = await site.ProposalOfAsync(w.RepA, w.RepB, w.NoAccount);
        await site.ReplyAndSendAsync(proposalId);
        Assert.Equal(3, (await site.InvitationsAsync(proposalId)).Count);
        foreach (var (representative, overall) in new[] { (w.RepA, "Satisfied"), (w.NoAccount, "BasicallySatisfied") })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await site.RateByLinkAsync(await site.LinkAsync(proposalId, representative), FeedbackSite.Form(overall))).StatusCode);
        }

        // The third rates through the account: the same round, once.
        using var repB = await site.SignInAsync(FeedbackSite.RepB);
        var page = $"/my/proposals/{proposalId}";
        Assert.Contains("id=\"feedback-form\"", await repB.GetStringAsync(page));
        await FeedbackSite.PostOkAsync(repB, page, page + "/feedback", FeedbackSite.Form("Satisfied", round: 1));
        var again = await PostWithTokenAsync(repB, page + "/feedback", FeedbackSite.Form("Dissatisfied", round: 1));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        var ratings = await site.RatingsAsync(proposalId);
        Assert.Equal([w.RepA, w.NoAccount, w.RepB], ratings.Select(r => r.RepresentativeId));
        Assert.Equal((RatingChannel.Account, FeedbackSite.RepB), (ratings[2].Channel, ratings[2].EnteredBy));
        Assert.Equal(3, (await site.FeedbackAuditAsync(proposalId)).Count(e => e.Action == "Rated"));
    }

    [Fact]
    public async Task ADissatisfiedRatingOpensRoundTwoWhichGoesThroughTheWorkflowAndThePublicPageShowsBothRounds()
    {
        var w = await site.FeedbackWorldAsync();
        var proposalId = await site.ProposalOfAsync(w.RepA);
        var firstReply = await site.ReplyAndSendAsync(proposalId, publish: true);

        // 不满意 with a comment the representative allows to be published.
        var rated = await site.RateByLinkAsync(await site.LinkAsync(proposalId, w.RepA), FeedbackSite.Form("Dissatisfied", Complaint, commentPublic: true, result: "Dissatisfied"));
        Assert.Equal(HttpStatusCode.Redirect, rated.StatusCode);
        Assert.Equal(ProposalStatus.Rehandling, await site.ProposalStatusAsync(proposalId));

        // Round 2: its deadline is the session's rule (1 month) on the working-day calendar, from today.
        DateOnly expectedDue;
        using (var scope = site.Factory.Services.CreateScope())
        {
            expectedDue = (await scope.ServiceProvider.GetRequiredService<IWorkingDayCalendar>().AddMonthsAsync(FeedbackSite.Today, 1)).Due;
        }

        var round = Assert.Single(await site.QueryAsync(db => db.Set<FeedbackRound>().AsNoTracking().Where(r => r.ProposalId == proposalId).ToListAsync()));
        Assert.Equal((2, expectedDue), (round.Number, round.DueOn));
        var audit = await site.FeedbackAuditAsync(proposalId);
        Assert.Contains(audit, e => e.Action == "RehandlingOpened");

        // The coordinator and the lead unit (市容环境科) are notified.
        var notified = await site.QueryAsync(db => db.Set<Notice>().AsNoTracking().Where(n => n.Url == $"/admin/proposals/{proposalId}").Select(n => n.UserName).ToListAsync());
        Assert.Contains("coordinator", notified);
        Assert.Contains("drafter", notified);
        Assert.Contains(FeedbackSite.SecondDrafter, notified);
        Assert.DoesNotContain(FeedbackSite.OtherDrafter, notified);

        // The drafter's reply page offers round 2; round 2 goes through drafting, both stages and sending.
        using (var drafter = await site.SignInAsync("drafter"))
        {
            Assert.Contains("起草第2轮答复", await drafter.GetStringAsync($"/admin/replies/{firstReply}"));
        }

        // The first reply's public page is now in the output cache, showing one round.
        using (var early = site.Factory.CreateSiteClient())
        {
            Assert.DoesNotContain("第2轮答复（重新办理）", WebUtility.HtmlDecode(await early.GetStringAsync($"/replies/{firstReply}")));
        }

        var secondReply = await site.ReplyAndSendAsync(proposalId, text: "<p>经重新办理，已对背街小巷实行每日两次保洁，并于本月底前完成全部整治。</p>", publish: true);

        // Publishing round 2 makes the first reply's cached page stale as well: once the change is taken, it shows both rounds.
        await Search.SearchSteps.CatchUpAsync(site.Factory);
        using (var after = site.Factory.CreateSiteClient())
        {
            Assert.Contains("第2轮答复（重新办理）", WebUtility.HtmlDecode(await after.GetStringAsync($"/replies/{firstReply}")));
        }

        Assert.NotEqual(firstReply, secondReply);
        var second = await site.ReplyAsync(secondReply);
        Assert.Equal((2, (DateOnly?)expectedDue, DocumentStatus.Published), (second.Round, second.DueOn, second.Document.Status));
        Assert.Contains(await site.QueryAsync(db => db.Set<AuditEvent>().AsNoTracking().Where(e => e.SubjectId == $"proposal:{proposalId}" && e.Action == "Started").Select(e => e.Summary).ToListAsync()),
            s => s.Contains("第2轮（重新办理）答复", StringComparison.Ordinal));
        Assert.Equal(ProposalStatus.Replied, await site.ProposalStatusAsync(proposalId));

        // A round-2 link, then 满意.
        var link2 = await site.LinkAsync(proposalId, w.RepA, round: 2);
        Assert.Contains("征询意见表（第2轮）", await site.Factory.CreateSiteClient().GetStringAsync(link2));
        Assert.Equal(HttpStatusCode.Redirect, (await site.RateByLinkAsync(link2, FeedbackSite.Form("Satisfied", Praise))).StatusCode);
        Assert.Equal(ProposalStatus.FeedbackReceived, await site.ProposalStatusAsync(proposalId));
        Assert.Equal([(1, Satisfaction.Dissatisfied), (2, Satisfaction.Satisfied)], (await site.RatingsAsync(proposalId)).Select(r => (r.Round, r.Overall)));

        // The public page of either reply shows both rounds; the second comment was not allowed to be published.
        // (The rating's content change evicts the cached pages once this node has taken it.)
        await Search.SearchSteps.CatchUpAsync(site.Factory);
        using var citizen = site.Factory.CreateSiteClient();
        foreach (var replyId in new[] { secondReply, firstReply })
        {
            var page = WebUtility.HtmlDecode(await citizen.GetStringAsync($"/replies/{replyId}"));
            Assert.Contains("第一轮答复", page);
            Assert.Contains("第2轮答复（重新办理）", page);
            Assert.Contains("钱晓东对第1轮办理的评价：", page);
            Assert.Contains("钱晓东对第2轮办理的评价：", page);
            Assert.Contains(Complaint, page);
            Assert.DoesNotContain(Praise, page);
        }
    }

    [Fact]
    public async Task PostsWithoutAnAntiforgeryTokenAreRefused()
    {
        var w = await site.FeedbackWorldAsync();
        var proposalId = await site.ProposalOfAsync(w.RepA);
        await site.ReplyAndSendAsync(proposalId);
        using var anonymous = site.Factory.CreateSiteClient();
        var response = await anonymous.Http.PostAsync(await site.LinkAsync(proposalId, w.RepA), new FormUrlEncodedContent(FeedbackSite.Form("Satisfied")));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await site.RatingsAsync(proposalId));
    }

    [Fact]
    public async Task TheInvitationEndpointIsRateLimited()
    {
        using var anonymous = site.Factory.CreateSiteClient();
        var path = "/feedback/invitation/rate-limit-" + Guid.NewGuid().ToString("N");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
        {
            statuses.Add((await anonymous.GetAsync(path)).StatusCode);
        }

        Assert.Equal(10, statuses.Count(s => s == HttpStatusCode.NotFound));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    private static async Task AssertRefusedAsync(SiteClient client, string link, HttpStatusCode status, string message)
    {
        var get = await client.GetAsync(link);
        Assert.Equal(status, get.StatusCode);
        Assert.Contains(message, await get.Content.ReadAsStringAsync());
        var post = await PostWithTokenAsync(client, link, FeedbackSite.Form("Satisfied"));
        Assert.Equal(status, post.StatusCode);
    }

    /// <summary>Posts with a valid antiforgery token taken from the sign-in page (the target page itself may refuse to render a form).</summary>
    private static async Task<HttpResponseMessage> PostWithTokenAsync(SiteClient client, string action, KeyValuePair<string, string>[] fields)
    {
        var token = SiteClient.AntiforgeryToken(await client.GetStringAsync("/account/login"));
        return await client.Http.PostAsync(action, new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))));
    }
}

[Collection(FeedbackSqliteCollection.Name)]
public sealed class InvitationAndRoundTestsOnSqlite(FeedbackSqliteSite site) : InvitationAndRoundTests<FeedbackSqliteSite>(site);

[Collection(FeedbackPostgreSqlCollection.Name)]
public sealed class InvitationAndRoundTestsOnPostgreSql(FeedbackPostgreSqlSite site) : InvitationAndRoundTests<FeedbackPostgreSqlSite>(site);
