using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Transparency.Core.Publishing;
using Transparency.Proposals.Models;
using Transparency.Replies.Models;

namespace Transparency.Integration.Tests.Replies;

/// <summary>
/// The public read path <see cref="IPublishedContent"/>: only published replies and summaries, only their published
/// version, and nothing more once they are unpublished or withheld.
/// </summary>
public abstract class PublishedContentTests<TSite>(TSite site) where TSite : RepliesSite
{
    private async Task<T> WithContentAsync<T>(Func<IPublishedContent, Task<T>> read)
    {
        using var scope = site.Factory.Services.CreateScope();
        return await read(scope.ServiceProvider.GetRequiredService<IPublishedContent>());
    }

    private Task<Dictionary<string, int>> DemoReplyIdsAsync() => site.QueryAsync(async db =>
    {
        var proposals = await db.Set<Proposal>().AsNoTracking().Where(p => p.Session.Name == RepliesSite.DemoSession)
            .ToDictionaryAsync(p => p.Id, p => p.Number);
        var ids = proposals.Keys.ToList();
        // First-round replies: the demo's re-handled 0066 also has a round-2 reply (sent, not published).
        return (await db.Set<Reply>().AsNoTracking().Where(r => ids.Contains(r.ProposalId) && r.Round == 1).ToListAsync())
            .ToDictionary(r => proposals[r.ProposalId], r => r.Id);
    });

    [Fact]
    public async Task TheDemoRepliesArePublicExceptTheOneInReviewAndTheReturnedOne()
    {
        var ids = await DemoReplyIdsAsync();
        var found = await WithContentAsync(c => c.FindRepliesAsync(ids.Values));
        Assert.Equal(["0012", "0027", "0035", "0041", "0053", "0066", "0078"], found.Select(r => r.ProposalNumber).Order(StringComparer.Ordinal));
        Assert.Null(await WithContentAsync(c => c.FindReplyAsync(ids["0084"])));
        Assert.Null(await WithContentAsync(c => c.FindReplyAsync(ids["0092"])));

        var reply = found.Single(r => r.ProposalNumber == "0027");
        Assert.Equal(RepliesSite.DemoSession, reply.Session.Name);
        Assert.Equal("建议", reply.KindName);
        Assert.Contains("〔已删除：个人信息〕", reply.PublicHtml);
        Assert.NotEmpty(reply.Representatives);
        Assert.NotEmpty(reply.LeadUnits);
        Assert.NotNull(reply.SentOn);
        Assert.NotNull(reply.Outcome);
        Assert.Equal($"/replies/{reply.Id}", reply.Url);

        var all = new List<PublishedReply>();
        using var scope = site.Factory.Services.CreateScope();
        await foreach (var r in scope.ServiceProvider.GetRequiredService<IPublishedContent>().AllRepliesAsync())
        {
            all.Add(r);
        }

        var publishedIds = await site.QueryAsync(db => db.Set<Reply>().AsNoTracking()
            .Where(r => r.Document.Status == DocumentStatus.Published).Select(r => r.Id).OrderBy(i => i).ToListAsync());
        Assert.Equal(publishedIds, all.Select(r => r.Id));

        var summaries = await WithContentAsync(c => c.SummariesAsync());
        var summary = Assert.Single(summaries, s => s.Year == 2020);
        Assert.Equal(summary.Id, (await WithContentAsync(c => c.FindSummaryAsync(summary.Id)))!.Id);
        Assert.NotNull(await WithContentAsync(c => c.LastChangedUtcAsync()));
    }

    [Fact]
    public async Task AnUnpublishedReplyDisappearsAndTheLastChangeMovesOn()
    {
        var (_, replyId) = await site.ApprovedReplyAsync("<p>公开读取测试正文。</p>", send: true);
        using var coordinator = await site.SignInAsync("coordinator");
        var page = $"/admin/replies/{replyId}";
        Assert.Null(await WithContentAsync(c => c.FindReplyAsync(replyId)));

        await RepliesSite.PostOkAsync(coordinator, page + "/publish", page + "/publish", [new("comment", "公开。")]);
        var published = await WithContentAsync(c => c.FindReplyAsync(replyId));
        Assert.NotNull(published);
        Assert.Contains("公开读取测试正文", published.PublicHtml);
        var before = await WithContentAsync(c => c.LastChangedUtcAsync());

        await RepliesSite.PostOkAsync(coordinator, page + "/publish", page + "/withdraw", [new("reason", "内容需更正。")]);
        Assert.Null(await WithContentAsync(c => c.FindReplyAsync(replyId)));
        Assert.DoesNotContain(await WithContentAsync(c => c.LatestRepliesAsync(100)), r => r.Id == replyId);
        Assert.True(await WithContentAsync(c => c.LastChangedUtcAsync()) >= before);
    }

    [Fact]
    public async Task FiguresAreAvailableThroughTheContractWithTheUnits()
    {
        var sessionId = await site.QueryAsync(db => db.Set<Session>().Where(s => s.Name == RepliesSite.DemoSession).Select(s => s.Id).FirstAsync());
        using var scope = site.Factory.Services.CreateScope();
        var figures = await scope.ServiceProvider.GetRequiredService<IHandlingFigures>().FindAsync(sessionId);
        Assert.NotNull(figures);
        Assert.Equal((29, 9, 20), (figures.Total, figures.Lead, figures.Co));
        Assert.Contains(figures.Units, u => u.Name == "市容环境科" && u.Lead > 0);
        Assert.True(figures.Units.Sum(u => u.Lead) >= figures.Lead, "every lead-handled proposal counts for at least one unit");
        Assert.Null(await scope.ServiceProvider.GetRequiredService<IHandlingFigures>().FindAsync(-5));
    }
}

[Collection(RepliesSqliteCollection.Name)]
public sealed class PublishedContentTestsOnSqlite(RepliesSqliteSite site) : PublishedContentTests<RepliesSqliteSite>(site);

[Collection(RepliesPostgreSqlCollection.Name)]
public sealed class PublishedContentTestsOnPostgreSql(RepliesPostgreSqlSite site) : PublishedContentTests<RepliesPostgreSqlSite>(site);
