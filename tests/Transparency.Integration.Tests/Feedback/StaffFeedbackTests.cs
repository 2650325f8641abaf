using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Transparency.Core.Publishing;
using Transparency.Feedback.Models;
using Transparency.Integration.Tests.Infrastructure;
using Transparency.Integration.Tests.Replies;
using Transparency.Proposals.Models;

namespace Transparency.Integration.Tests.Feedback;

/// <summary>
/// Points 3, 5, 6 and 7 of issue 6 from the staff side: paper forms with their scan (who entered it), corrections as
/// separate audited records, commitments of B-class replies (kept with evidence, overdue flagged on the dashboard and the
/// public page), and the satisfaction figures.
/// </summary>
public abstract class StaffFeedbackTests<TSite>(TSite site) where TSite : FeedbackSite
{
    [Fact]
    public async Task StaffWithRecordOnBehalfEnterAPaperFormWithItsScanAndTheRecordShowsWhoEnteredIt()
    {
        var w = await site.FeedbackWorldAsync();
        var proposalId = await site.ProposalOfAsync(w.NoAccount);
        await site.ReplyAndSendAsync(proposalId);
        var page = $"/admin/feedback/proposals/{proposalId}";

        // The drafter may not (no Feedback.RecordOnBehalf): sent to the access-denied page, nothing saved.
        using (var drafter = await site.SignInAsync("drafter"))
        {
            var refused = await PaperAsync(drafter, proposalId, w.NoAccount, RepliesSite.SmallPdf());
            Assert.Contains("/account/denied", refused.Headers.Location!.OriginalString);
        }

        using var coordinator = await site.SignInAsync("coordinator");
        var noScan = await PaperAsync(coordinator, proposalId, w.NoAccount, null);
        Assert.Equal(HttpStatusCode.BadRequest, noScan.StatusCode);
        Assert.Contains("请上传纸质意见表的扫描件", await noScan.Content.ReadAsStringAsync());
        var fake = await PaperAsync(coordinator, proposalId, w.NoAccount, "not a pdf"u8.ToArray());
        Assert.Equal(HttpStatusCode.BadRequest, fake.StatusCode);
        Assert.Empty(await site.RatingsAsync(proposalId));

        var saved = await PaperAsync(coordinator, proposalId, w.NoAccount, RepliesSite.SmallPdf());
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var rating = Assert.Single(await site.RatingsAsync(proposalId));
        Assert.Equal((RatingChannel.Paper, "coordinator", (DateOnly?)FeedbackSite.Today, "意见表.pdf"), (rating.Channel, rating.EnteredBy, rating.PaperDate, rating.ScanFileName));
        var admin = await coordinator.GetStringAsync(page);
        Assert.Contains("录入人：coordinator", admin);
        var scan = await coordinator.GetAsync($"/admin/feedback/ratings/{rating.Id}/scan");
        Assert.Equal(HttpStatusCode.OK, scan.StatusCode);
        Assert.Equal(RepliesSite.SmallPdf(), await scan.Content.ReadAsByteArrayAsync());

        // A second form for the same round is refused; the first stands.
        var second = await PaperAsync(coordinator, proposalId, w.NoAccount, RepliesSite.SmallPdf());
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Single(await site.RatingsAsync(proposalId));

        // Staff of another unit do not see the proposal, nor its scan.
        using var outsider = await site.SignInAsync(FeedbackSite.OtherDrafter);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/admin/feedback/ratings/{rating.Id}/scan")).StatusCode);
    }

    [Fact]
    public async Task ACorrectionIsASeparateAuditedRecordAndTheRatingIsNeverEdited()
    {
        var w = await site.FeedbackWorldAsync();
        var proposalId = await site.ProposalOfAsync(w.RepA);
        await site.ReplyAndSendAsync(proposalId);
        await site.RateByLinkAsync(await site.LinkAsync(proposalId, w.RepA), FeedbackSite.Form("BasicallySatisfied"));
        var rating = Assert.Single(await site.RatingsAsync(proposalId));
        var page = $"/admin/feedback/proposals/{proposalId}";
        var fields = new KeyValuePair<string, string>[] { new("Overall", "Satisfied"), new("Communication", "Satisfied"), new("Attitude", "Satisfied"), new("Result", "Satisfied") };

        using var coordinator = await site.SignInAsync("coordinator");
        var noReason = await coordinator.PostFormAsync(page, $"/admin/feedback/ratings/{rating.Id}/correct", fields);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("请填写更正原因", await noReason.Content.ReadAsStringAsync());
        using (var drafter = await site.SignInAsync("drafter"))
        {
            var denied = await drafter.PostFormAsync(page, $"/admin/feedback/ratings/{rating.Id}/correct", [.. fields, new("reason", "x")]);
            Assert.Contains("/account/denied", denied.Headers.Location!.OriginalString);
        }

        await FeedbackSite.PostOkAsync(coordinator, page, $"/admin/feedback/ratings/{rating.Id}/correct", [.. fields, new("reason", "代表来电说明原意为满意，录入有误。")]);
        var correction = Assert.Single(await site.QueryAsync(db => db.Set<FeedbackCorrection>().AsNoTracking().Where(c => c.RatingId == rating.Id).ToListAsync()));
        Assert.Equal((Satisfaction.Satisfied, "coordinator"), (correction.Overall, correction.CorrectedBy));
        Assert.Equal(Satisfaction.BasicallySatisfied, Assert.Single(await site.RatingsAsync(proposalId)).Overall);
        var audit = Assert.Single(await site.FeedbackAuditAsync(proposalId), e => e.Action == "RatingCorrected");
        Assert.Equal(("BasicallySatisfied", "Satisfied", "代表来电说明原意为满意，录入有误。"), (audit.FromState, audit.ToState, audit.Comment));
    }

    [Fact]
    public async Task CommitmentsOfABClassReplyAreKeptWithEvidenceAndOverdueOnesAreFlagged()
    {
        var w = await site.FeedbackWorldAsync();
        var aClass = await site.ProposalOfAsync(w.RepA);
        var aReply = await site.ReplyAndSendAsync(aClass);
        var proposalId = await site.ProposalOfAsync(w.RepA);
        var replyId = await site.ReplyAndSendAsync(proposalId, outcome: "B", publish: true);
        var page = $"/admin/feedback/proposals/{proposalId}";
        string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        using var drafter = await site.SignInAsync("drafter");
        var onA = await drafter.PostFormAsync($"/admin/feedback/proposals/{aClass}", $"/admin/feedback/replies/{aReply}/commitments", [new("text", "x"), new("dueOn", Day(FeedbackSite.Today))]);
        Assert.Equal(HttpStatusCode.BadRequest, onA.StatusCode);
        Assert.Contains("只有B类答复", await onA.Content.ReadAsStringAsync());
        var noText = await drafter.PostFormAsync(page, $"/admin/feedback/replies/{replyId}/commitments", [new("text", " "), new("dueOn", Day(FeedbackSite.Today))]);
        Assert.Contains("请填写承诺事项的内容", await noText.Content.ReadAsStringAsync());
        using (var outsider = await site.SignInAsync(FeedbackSite.OtherDrafter))
        {
            var other = await outsider.PostFormAsync("/admin", $"/admin/feedback/replies/{replyId}/commitments", [new("text", "外单位承诺"), new("dueOn", Day(FeedbackSite.Today))]);
            Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        }

        foreach (var (text, due) in new[] { ("年底前完成背街小巷垃圾桶更新", FeedbackSite.Today.AddMonths(3)), ("上月底前完成保洁排班调整", FeedbackSite.Today.AddDays(-5)), ("本周完成公示", FeedbackSite.Today.AddDays(2)) })
        {
            await FeedbackSite.PostOkAsync(drafter, page, $"/admin/feedback/replies/{replyId}/commitments", [new("text", text), new("dueOn", Day(due))]);
        }

        var commitments = await site.QueryAsync(db => db.Set<Commitment>().AsNoTracking().Where(c => c.ProposalId == proposalId).OrderBy(c => c.Id).ToListAsync());
        Assert.Equal(3, commitments.Count);
        var noEvidence = await drafter.PostFormAsync(page, $"/admin/feedback/commitments/{commitments[2].Id}/done", [new("doneOn", Day(FeedbackSite.Today))]);
        Assert.Contains("请填写兑现情况和佐证", await noEvidence.Content.ReadAsStringAsync());
        await FeedbackSite.PostOkAsync(drafter, page, $"/admin/feedback/commitments/{commitments[2].Id}/done", [new("doneOn", Day(FeedbackSite.Today)), new("evidence", "已在社区公告栏公示，附照片。")]);
        Assert.Contains(await site.FeedbackAuditAsync(proposalId), e => e.Action == "CommitmentKept" && e.Comment == "已在社区公告栏公示，附照片。");

        // The dashboard flags the overdue one; the public page shows kept, pending and overdue.
        using var coordinator = await site.SignInAsync("coordinator");
        var dashboard = await coordinator.GetStringAsync("/admin/feedback");
        Assert.Contains("上月底前完成保洁排班调整", dashboard);
        Assert.DoesNotContain("年底前完成背街小巷垃圾桶更新", dashboard);
        using var citizen = site.Factory.CreateSiteClient();
        var publicPage = await citizen.GetStringAsync($"/replies/{replyId}");
        Assert.Contains("data-state=\"Kept\"", publicPage);
        Assert.Contains("data-state=\"Pending\"", publicPage);
        Assert.Contains("data-state=\"Overdue\"", publicPage);
    }

    [Fact]
    public async Task TheDemoFiguresCountFinalAndFirstRoundSatisfactionAttitudeResultAndReportedConsultations()
    {
        var sessionId = await site.QueryAsync(db => db.Set<Session>().Where(s => s.Name == RepliesSite.DemoSession).Select(s => s.Id).SingleAsync());
        using var scope = site.Factory.Services.CreateScope();
        var figures = (await scope.ServiceProvider.GetRequiredService<IHandlingFigures>().FindAsync(sessionId))!;
        var s = figures.Satisfaction!;
        Assert.Equal((10, 8, 2, 0), (s.Ratings, s.Satisfied, s.BasicallySatisfied, s.Dissatisfied));
        Assert.Equal(("100%", "90%", "100%", "100%", "80%"), (figures.SatisfactionRate, s.FirstRoundRate, s.AttitudeRate, s.ResultRate, s.ReportedConsultationRate));

        using var citizen = site.Factory.CreateSiteClient();
        var statistics = await citizen.GetStringAsync($"/statistics?session={sessionId}");
        Assert.Contains("首轮满意率", statistics);
        Assert.Contains("90%", statistics);
    }

    [Fact]
    public async Task TheDemoRatesThePublishedRepliesReHandles0066AndListsCommitmentsOneOfThemOverdue()
    {
        var demo = await site.QueryAsync(db => db.Set<Proposal>().AsNoTracking().Where(p => p.Session.Name == RepliesSite.DemoSession)
            .ToDictionaryAsync(p => p.Number, p => (p.Id, p.Status)));
        var ratings = await site.QueryAsync(db => db.Set<FeedbackRating>().AsNoTracking().ToListAsync());
        var demoRatings = ratings.Where(r => demo.Values.Any(p => p.Id == r.ProposalId)).ToList();
        Assert.Equal(11, demoRatings.Count);
        Assert.Equal((8, 2, 1), (demoRatings.Count(r => r.Overall == Satisfaction.Satisfied), demoRatings.Count(r => r.Overall == Satisfaction.BasicallySatisfied),
            demoRatings.Count(r => r.Overall == Satisfaction.Dissatisfied)));
        var (id0066, status0066) = demo["0066"];
        Assert.Equal([(1, Satisfaction.Dissatisfied), (2, Satisfaction.Satisfied)], demoRatings.Where(r => r.ProposalId == id0066).OrderBy(r => r.Round).Select(r => (r.Round, r.Overall)));
        Assert.Equal(ProposalStatus.FeedbackReceived, status0066);
        var round = Assert.Single(await site.QueryAsync(db => db.Set<FeedbackRound>().AsNoTracking().Where(r => r.ProposalId == id0066).ToListAsync()));
        Assert.Equal((2, new DateOnly(2020, 9, 25)), (round.Number, round.DueOn));

        var commitments = await site.QueryAsync(db => db.Set<Commitment>().AsNoTracking().Where(c => c.ProposalId == demo["0012"].Id || c.ProposalId == demo["0041"].Id).ToListAsync());
        Assert.Equal(4, commitments.Count);
        Assert.Equal("厨余垃圾处理项目2021年底前建成并投入试运行。", Assert.Single(commitments, c => c.DoneOn is null).Text);

        // Public pages: 0066's first reply with its 不满意 and the comment (the round-2 reply is not published, so neither is its rating);
        // 0012's commitments, one overdue.
        var replies = await site.QueryAsync(db => db.Set<Transparency.Replies.Models.Reply>().AsNoTracking()
            .Where(r => (r.ProposalId == id0066 || r.ProposalId == demo["0012"].Id) && r.Round == 1).ToDictionaryAsync(r => r.ProposalId, r => r.Id));
        using var citizen = site.Factory.CreateSiteClient();
        var page0066 = WebUtility.HtmlDecode(await citizen.GetStringAsync($"/replies/{replies[id0066]}"));
        Assert.Contains("吴志刚对第1轮办理的评价：", page0066);
        Assert.Contains("我反映的城北片区违法建设至今未见处置", page0066);
        Assert.DoesNotContain("吴志刚对第2轮办理的评价", page0066);
        Assert.DoesNotContain("第2轮答复（重新办理）", page0066);
        var page0012 = await citizen.GetStringAsync($"/replies/{replies[demo["0012"].Id]}");
        Assert.Equal(2, page0012.Split("data-state=\"Kept\"").Length - 1);
        Assert.Equal(1, page0012.Split("data-state=\"Overdue\"").Length - 1);
    }

    private static async Task<HttpResponseMessage> PaperAsync(SiteClient client, int proposalId, int representativeId, byte[]? scan)
    {
        var token = SiteClient.AntiforgeryToken(await client.GetStringAsync("/account/login"));
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        foreach (var (key, value) in new[] { ("representativeId", FeedbackSite.Str(representativeId)), ("paperDate", FeedbackSite.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) }
            .Concat(FeedbackSite.Form("Satisfied").Select(f => (f.Key, f.Value))))
        {
            form.Add(new StringContent(value), key);
        }

        if (scan is not null)
        {
            var file = new ByteArrayContent(scan);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(file, "scan", "意见表.pdf");
        }

        return await client.Http.PostAsync($"/admin/feedback/proposals/{proposalId}/paper", form);
    }
}

[Collection(FeedbackSqliteCollection.Name)]
public sealed class StaffFeedbackTestsOnSqlite(FeedbackSqliteSite site) : StaffFeedbackTests<FeedbackSqliteSite>(site);

[Collection(FeedbackPostgreSqlCollection.Name)]
public sealed class StaffFeedbackTestsOnPostgreSql(FeedbackPostgreSqlSite site) : StaffFeedbackTests<FeedbackPostgreSqlSite>(site);
