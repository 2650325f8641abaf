using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Transparency.Replies.Models;

namespace Transparency.Integration.Tests.Replies;

/// <summary>
/// Publishing a sent reply whose public text holds a mobile number, an ID number and an e-mail address: the publisher
/// must decide on each; undecided items are named and nothing is published; redacted ones become 〔已删除：个人信息〕 in a
/// version made for publication, confirmed ones stay; every decision is recorded and audited (masked).
/// </summary>
public abstract class ReplyPersonalDataTests<TSite>(TSite site) where TSite : RepliesSite
{
    private const string Mobile = "13905511234";
    private const string IdNumber = "11010519491231002X";
    private const string Email = "zhangsan@example.com";
    private const string Mark = "〔已删除：个人信息〕";

    [Fact]
    public async Task EveryItemMustBeRedactedOrConfirmedBeforePublicationAndTheDecisionsAreKept()
    {
        const string text = $"<p>经核实，张三（手机{Mobile}，身份证号{IdNumber}）反映的路灯问题已解决。</p><p>如有意见请发送至{Email}。</p>";
        var (_, id) = await site.ApprovedReplyAsync(text, send: true);
        var page = $"/admin/replies/{id}";
        using var coordinator = await site.SignInAsync("coordinator");

        // The publication page lists the three items, each with its own choice.
        var form = new HtmlParser().ParseDocument(await coordinator.GetStringAsync(page + "/publish"));
        Assert.Contains("发现3处疑似个人信息", form.Body!.TextContent);
        Assert.Equal([Mobile, IdNumber, Email], form.QuerySelectorAll("table code").Select(c => c.TextContent));
        Assert.Equal(3, form.QuerySelectorAll("input[type=radio][value=redact]").Length);
        Assert.Equal(3, form.QuerySelectorAll("input[type=radio][value=confirm]").Length);

        // Without decisions: 400 naming all three (masked), nothing published.
        var none = await coordinator.PostFormAsync(page + "/publish", page + "/publish", []);
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        var message = WebUtility.HtmlDecode(await none.Content.ReadAsStringAsync());
        Assert.Contains("公开文本中还有3处疑似个人信息未处理（139****1234、110***********002X、zha*************.com）", message);
        await AssertNothingPublishedAsync(id);

        // With one decision: the two remaining are named, and still nothing is published.
        var partial = await coordinator.PostFormAsync(page + "/publish", page + "/publish",
            [new("decisions[0].Value", Mobile), new("decisions[0].Choice", "redact")]);
        Assert.Equal(HttpStatusCode.BadRequest, partial.StatusCode);
        message = WebUtility.HtmlDecode(await partial.Content.ReadAsStringAsync());
        Assert.Contains("还有2处疑似个人信息未处理（110***********002X、zha*************.com）", message);
        Assert.DoesNotContain("139****1234", message);
        await AssertNothingPublishedAsync(id);

        // Mobile and ID number redacted, the e-mail address confirmed.
        var published = await coordinator.PostFormAsync(page + "/publish", page + "/publish",
        [
            new("decisions[0].Value", Mobile), new("decisions[0].Choice", "redact"),
            new("decisions[1].Value", IdNumber), new("decisions[1].Choice", "redact"),
            new("decisions[2].Value", Email), new("decisions[2].Choice", "confirm"),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        var reply = await site.ReplyAsync(id);
        Assert.Equal((DocumentStatus.Published, (int?)2, 2), (reply.Document.Status, reply.Document.PublishedVersion, reply.Document.LatestVersion));
        var versions = await site.VersionsAsync(id);
        var (approved, forPublic) = (versions[0], versions[1]);
        Assert.Equal((VersionState.Approved, text, text), (approved.State, approved.OfficialHtml, approved.PublicHtml)); // the approved version is untouched
        Assert.Equal((VersionState.Published, "公开前删除个人信息2处", text), (forPublic.State, forPublic.Note, forPublic.OfficialHtml));
        Assert.Equal($"<p>经核实，张三（手机{Mark}，身份证号{Mark}）反映的路灯问题已解决。</p><p>如有意见请发送至{Email}。</p>", forPublic.PublicHtml);

        var records = await site.QueryAsync(async db =>
        {
            var documentId = reply.DocumentId;
            return await db.Set<PersonalDataRecord>().AsNoTracking().Where(r => r.DocumentId == documentId).OrderBy(r => r.Id).ToListAsync();
        });
        Assert.Equal(
            [
                ("MobileNumber", Mobile, PersonalDataDecision.Redacted, 1, "coordinator"),
                ("IdCardNumber", IdNumber, PersonalDataDecision.Redacted, 1, "coordinator"),
                ("Email", Email, PersonalDataDecision.Confirmed, 1, "coordinator"),
            ],
            records.Select(r => (r.Kind, r.Value, r.Decision, r.VersionNumber, r.Actor)));

        var audit = (await site.AuditAsync(id)).SkipWhile(e => e.Action != "Sent").Skip(1).ToList();
        Assert.Equal(["PersonalDataRedacted", "PersonalDataRedacted", "PersonalDataConfirmed", "Published"], audit.Select(e => e.Action));
        Assert.All(audit, e => Assert.Equal("coordinator", e.Actor));
        Assert.Contains("139****1234", audit[0].Summary);
        foreach (var e in audit)
        {
            // The audit trail names the item without repeating it.
            Assert.DoesNotContain(Mobile, e.Summary);
            Assert.DoesNotContain(IdNumber, e.Summary);
            Assert.DoesNotContain(Email, e.Summary);
        }

        Assert.Equal((DecisionAction.Published, 2), ((await site.DecisionsAsync(id))[^1].Action, (await site.DecisionsAsync(id))[^1].VersionNumber));

        // The reply page shows the public text with its marks.
        var details = new HtmlParser().ParseDocument(await coordinator.GetStringAsync(page));
        Assert.Contains(details.QuerySelectorAll("div.prose"), p => p.TextContent.Contains($"手机{Mark}", StringComparison.Ordinal));
    }

    private async Task AssertNothingPublishedAsync(int id)
    {
        var reply = await site.ReplyAsync(id);
        Assert.Equal((DocumentStatus.Sent, (int?)null, 1), (reply.Document.Status, reply.Document.PublishedVersion, reply.Document.LatestVersion));
        Assert.False(await site.QueryAsync(db => db.Set<PersonalDataRecord>().AnyAsync(r => r.DocumentId == reply.DocumentId)));
        Assert.DoesNotContain(await site.DecisionsAsync(id), d => d.Action == DecisionAction.Published);
        Assert.DoesNotContain(await site.AuditAsync(id), e => e.Action.StartsWith("PersonalData", StringComparison.Ordinal) || e.Action == "Published");
    }
}

[Collection(RepliesSqliteCollection.Name)]
public sealed class ReplyPersonalDataTestsOnSqlite(RepliesSqliteSite site) : ReplyPersonalDataTests<RepliesSqliteSite>(site);

[Collection(RepliesPostgreSqlCollection.Name)]
public sealed class ReplyPersonalDataTestsOnPostgreSql(RepliesPostgreSqlSite site) : ReplyPersonalDataTests<RepliesPostgreSqlSite>(site);
