using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Transparency.AuditTrail.Models;
using Transparency.Data;
using Transparency.Feedback.Models;
using Transparency.Feedback.Services;
using Transparency.Integration.Tests.Infrastructure;
using Transparency.Integration.Tests.Replies;
using Transparency.Proposals.Models;
using Transparency.Users.Services;

namespace Transparency.Integration.Tests.Feedback;

/// <summary>
/// The Replies tests' demo site plus representatives of the feedback tests' own: two with accounts (钱晓东 and 孙雅琴,
/// Representative role, linked through <c>Representative.UserName</c>) and an account with the Representative role that
/// is linked to no representative. Helpers take a fresh proposal through drafting, both review stages and sending over
/// HTTP, read invitation links and post the feedback form.
/// </summary>
public abstract class FeedbackSite(DatabaseKind kind) : RepliesSite(kind)
{
    public const string RepA = "feedback-rep-a";
    public const string RepB = "feedback-rep-b";
    public const string Unlinked = "feedback-unlinked";

    private readonly Lock _gate = new();
    private Task<FeedbackWorld>? _world;

    public Task<FeedbackWorld> FeedbackWorldAsync()
    {
        lock (_gate)
        {
            return _world ??= CreateFeedbackWorldAsync();
        }
    }

    /// <summary>A fresh proposal of the tests' session (lead 市容环境科) whose representatives are <paramref name="representativeIds"/>, first leading.</summary>
    public async Task<int> ProposalOfAsync(params int[] representativeIds)
    {
        var id = await CreateProposalAsync();
        using var scope = Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TransparencyDbContext>();
        db.RemoveRange(await db.Set<ProposalRepresentative>().Where(r => r.ProposalId == id).ToListAsync());
        db.AddRange(representativeIds.Select((r, i) => new ProposalRepresentative { ProposalId = id, RepresentativeId = r, Position = i }));
        await db.SaveChangesAsync();
        return id;
    }

    /// <summary>Drafts (or redrafts in a new round), submits, approves at both stages and sends the reply of 市容环境科 over HTTP.</summary>
    public async Task<int> ReplyAndSendAsync(int proposalId, string outcome = "A", string text = "<p>您提出的建议收悉。现答复如下：已在老城区背街小巷增设分类垃圾桶120组。</p>", bool publish = false)
    {
        int replyId;
        using (var drafter = await SignInAsync("drafter"))
        {
            replyId = await StartReplyAsync(drafter, proposalId);
            await SaveAsync(drafter, replyId, text, command: "submit", outcome: outcome);
        }

        var page = $"/admin/replies/{replyId}";
        using (var reviewer = await SignInAsync("reviewer"))
        {
            await PostOkAsync(reviewer, page, page + "/approve");
        }

        using (var approver = await SignInAsync("approver"))
        {
            await PostOkAsync(approver, page, page + "/approve");
        }

        using var coordinator = await SignInAsync("coordinator");
        await PostOkAsync(coordinator, page + "/send", page + "/send",
            [new("SentOn", Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), new("Channel", "Mail")]);
        if (publish)
        {
            await PostOkAsync(coordinator, page + "/publish", page + "/publish");
        }

        return replyId;
    }

    public Task<List<FeedbackInvitation>> InvitationsAsync(int proposalId)
        => QueryAsync(db => db.Set<FeedbackInvitation>().AsNoTracking().Where(i => i.ProposalId == proposalId).OrderBy(i => i.Id).ToListAsync());

    public Task<List<FeedbackRating>> RatingsAsync(int proposalId)
        => QueryAsync(db => db.Set<FeedbackRating>().AsNoTracking().Where(r => r.ProposalId == proposalId).OrderBy(r => r.Id).ToListAsync());

    public Task<List<AuditEvent>> FeedbackAuditAsync(int proposalId)
        => QueryAsync(db => db.Set<AuditEvent>().AsNoTracking().Where(e => e.SubjectId == $"proposal:{proposalId}" && e.Category == "Feedback").OrderBy(e => e.Id).ToListAsync());

    /// <summary>The link path of an invitation, signed as the site signs it.</summary>
    public string LinkOf(FeedbackInvitation invitation)
    {
        using var scope = Factory.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<InvitationService>().PathOf(invitation);
    }

    /// <summary>The invitation link of a representative in a round.</summary>
    public async Task<string> LinkAsync(int proposalId, int representativeId, int round = 1)
        => LinkOf((await InvitationsAsync(proposalId)).Last(i => i.RepresentativeId == representativeId && i.Round == round));

    /// <summary>The form's fields: every choice given.</summary>
    public static KeyValuePair<string, string>[] Form(string overall, string? comment = null, bool commentPublic = false, string result = "Satisfied", int? round = null)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Overall", overall), new("Communication", "Satisfied"), new("Attitude", "Satisfied"), new("Result", result), new("FaceToFace", "true"),
        };
        if (comment is not null)
        {
            fields.Add(new("Comment", comment));
        }

        if (commentPublic)
        {
            fields.Add(new("CommentPublic", "true"));
        }

        if (round is { } r)
        {
            fields.Add(new("round", Str(r)));
        }

        return [.. fields];
    }

    /// <summary>Posts the form through the link (the antiforgery token comes from the link's page).</summary>
    public async Task<HttpResponseMessage> RateByLinkAsync(string link, params KeyValuePair<string, string>[] fields)
    {
        using var anonymous = Factory.CreateSiteClient();
        return await anonymous.PostFormAsync(link, link, fields);
    }

    private async Task<FeedbackWorld> CreateFeedbackWorldAsync()
    {
        await WorldAsync();
        using var scope = Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TransparencyDbContext>();
        var a = new Representative { Name = "钱晓东", Kind = RepresentativeKind.Deputy, Delegation = "测试代表团", UserName = RepA };
        var b = new Representative { Name = "孙雅琴", Kind = RepresentativeKind.Deputy, Delegation = "测试代表团", UserName = RepB };
        var c = new Representative { Name = "周无号", Kind = RepresentativeKind.Deputy, Delegation = "测试代表团" };
        db.AddRange(a, b, c);
        await db.SaveChangesAsync();
        var users = scope.ServiceProvider.GetRequiredService<UserAdminService>();
        foreach (var (name, display) in new[] { (RepA, "钱晓东"), (RepB, "孙雅琴"), (Unlinked, "未关联账号") })
        {
            var result = await users.SaveAsync(null, new UserChange(name, display, null, Password, ["Representative"], []));
            Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        }

        return new FeedbackWorld(a.Id, b.Id, c.Id);
    }
}

/// <summary>The feedback tests' representatives: two with accounts, one without.</summary>
public sealed record FeedbackWorld(int RepA, int RepB, int NoAccount);

public sealed class FeedbackSqliteSite() : FeedbackSite(DatabaseKind.Sqlite);

public sealed class FeedbackPostgreSqlSite() : FeedbackSite(DatabaseKind.PostgreSql);

[CollectionDefinition(Name)]
public sealed class FeedbackSqliteCollection : ICollectionFixture<FeedbackSqliteSite>
{
    public const string Name = "Feedback site on SQLite";
}

[CollectionDefinition(Name)]
public sealed class FeedbackPostgreSqlCollection : ICollectionFixture<FeedbackPostgreSqlSite>
{
    public const string Name = "Feedback site on PostgreSQL";
}
