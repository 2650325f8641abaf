using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Transparency.Core.Publishing;
using Transparency.Core.Search;
using Transparency.Integration.Tests.Infrastructure;
using Transparency.Integration.Tests.Replies;
using Transparency.Replies.Models;

namespace Transparency.Integration.Tests.PublicSite;

/// <summary>
/// Nothing unpublished reaches a public surface. The site holds, besides the demo data, replies in every non-public
/// state — draft, returned, approved not sent, sent not published, withheld, unpublished — plus a published reply whose
/// earlier version and whose newer draft say something else, and a draft handling summary; each carries a marker word of
/// its own in its proposal title and texts. Every public page, search result, snippet, facet, feed, sitemap, API
/// response and open-data file is then searched for every marker, and a control word that is published must be found
/// (so the sweep looks where it should).
/// </summary>
public abstract partial class NoLeakTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : RepliesSite
{
    private const string Control = "leakcontrolpublished";

    /// <summary>A word in no content at all.</summary>
    private const string Absent = "leakabsentword";

    private static readonly string[] Markers =
    [
        "leakmarkerdraft", "leakmarkerreturned", "leakmarkerreturncomment", "leakmarkerapproved", "leakmarkersent",
        "leakmarkerwithheld", "leakmarkerwithholdreason", "leakmarkerunpublished", "leakmarkeroldversion",
        "leakmarkernewdraft", "leakmarkersummary", "leakmarkerattachment",
    ];

    [Fact]
    public async Task NoMarkerOfUnpublishedContentAppearsOnAnyPublicSurface()
    {
        var hidden = await SeedAsync();
        using var anonymous = site.Factory.CreateSiteClient();
        await WaitUntilSearchableAsync(anonymous);

        var bodies = new Dictionary<string, string>(StringComparer.Ordinal);
        async Task Get(string url, HttpStatusCode expected = HttpStatusCode.OK)
        {
            var response = await anonymous.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == expected, $"GET {url} answered {(int)response.StatusCode}, expected {(int)expected}");
            bodies[url] = body;
        }

        // Pages, lists with every filter value offered, search for each marker (title, body, snippets, facets).
        foreach (var url in new[]
                 {
                     "/", "/replies", "/replies?sort=date", "/replies?page=2", "/search", "/summaries", "/statistics", "/open-data",
                     "/feed.xml", "/sitemap.xml", "/robots.txt", "/api/v1/replies", "/api/v1/replies?pageSize=100", "/api/v1/summaries",
                     "/api/v1/statistics", "/api/openapi/v1.json", "/open-data/replies.csv", "/open-data/replies.json",
                 })
        {
            await Get(url);
        }

        // A search page echoes its query. Searching a marker must answer exactly what searching a word found nowhere
        // answers (the marker standing in for the absent word): same count, no hit, no snippet, no facet.
        foreach (var word in Markers)
        {
            foreach (var prefix in new[] { "/replies?q=", "/search?q=", "/api/v1/replies?q=" })
            {
                await Get(prefix + Absent);
                var absent = bodies[prefix + Absent];
                await Get(prefix + word);
                Assert.True(bodies[prefix + word].Replace(word, Absent, StringComparison.Ordinal) == absent,
                    $"{prefix}{word} answers differently from a search for a word found nowhere");
                bodies[prefix + word] = bodies[prefix + word].Replace(word, "", StringComparison.Ordinal);
            }
        }

        await Get($"/replies?q={Control}");
        await Get($"/api/v1/replies?q={Control}");

        foreach (var filterLink in FilterLinks(bodies["/replies"]).Take(60))
        {
            await Get(filterLink);
        }

        foreach (var (replyId, _) in hidden.Replies)
        {
            await Get($"/replies/{replyId}", HttpStatusCode.NotFound);
            await Get($"/api/v1/replies/{replyId}", HttpStatusCode.NotFound);
        }

        await Get($"/replies/{hidden.AttachmentReplyId}/attachments/{hidden.AttachmentId}", HttpStatusCode.NotFound);
        await Get($"/summaries/{hidden.SummaryId}", HttpStatusCode.NotFound);
        await Get($"/replies/{hidden.PublishedWithHistoryId}");

        // The control word is found where it should be: the sweep does look.
        Assert.Contains(Control, bodies[$"/replies?q={Control}"], StringComparison.OrdinalIgnoreCase);
        Assert.Contains(Control, bodies[$"/api/v1/replies?q={Control}"], StringComparison.OrdinalIgnoreCase);
        Assert.Contains(Control, bodies["/open-data/replies.csv"], StringComparison.OrdinalIgnoreCase);
        Assert.Contains(Control, bodies[$"/replies/{hidden.PublishedWithHistoryId}"], StringComparison.OrdinalIgnoreCase);

        foreach (var (url, body) in bodies)
        {
            foreach (var marker in Markers)
            {
                Assert.False(body.Contains(marker, StringComparison.OrdinalIgnoreCase), $"{marker} leaked on {url}");
            }

            // The open-data page documents the url column with an example address, and a 404 names its own address
            // (e.g. in the language switch's return URL): neither lists a reply.
            foreach (var (replyId, state) in url == "/open-data" ? [] : hidden.Replies)
            {
                if (url.EndsWith($"/replies/{replyId}", StringComparison.Ordinal) || url.Contains($"/replies/{replyId}/", StringComparison.Ordinal))
                {
                    continue;
                }

                Assert.False(Regex.IsMatch(body, $@"/replies/{replyId}(?![0-9])"), $"the {state} reply {replyId} is linked from {url}");
            }
        }

        // The service layer too: no hit, and counts (total, facets) equal what is published.
        using var scope = site.Factory.Services.CreateScope();
        var search = scope.ServiceProvider.GetRequiredService<ISearchService>();
        foreach (var marker in Markers)
        {
            var results = await search.SearchAsync(new SearchQuery(marker, new Dictionary<string, string>()));
            Assert.True(results.Total == 0, $"{marker}: {results.Total} hits");
        }

        var published = new List<PublishedReply>();
        await foreach (var reply in scope.ServiceProvider.GetRequiredService<IPublishedContent>().AllRepliesAsync())
        {
            published.Add(reply);
        }

        var everything = await search.SearchAsync(new SearchQuery(null, new Dictionary<string, string>()) { ContentType = PublicContentTypes.Reply });
        Assert.Equal(published.Count, everything.Total);
        Assert.Equal(published.Count(r => r.Outcome is not null), everything.Facets[SearchFields.Outcome].Sum(f => f.Count));
        Assert.Equal(published.Count(r => r.Session.Name == RepliesSite.DemoSession),
            everything.Facets[SearchFields.Session].SingleOrDefault(f => f.Value == RepliesSite.DemoSession)?.Count ?? 0);
        Assert.All(everything.Facets.Values.SelectMany(v => v), f => Assert.DoesNotContain("leakmarker", f.Value, StringComparison.OrdinalIgnoreCase));
    }

    private static IEnumerable<string> FilterLinks(string listPage)
        => Regex.Matches(listPage, "href=\"(/replies\\?[^\"]+)\"").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).Distinct();

    /// <summary>The control reply is published last, so once it is searchable every earlier change has been indexed.</summary>
    private static async Task WaitUntilSearchableAsync(SiteClient client)
    {
        for (var i = 0; i < 100; i++)
        {
            if ((await client.GetStringAsync($"/api/v1/replies?q={Control}")).Contains(Control, StringComparison.OrdinalIgnoreCase))
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail("the control reply did not become searchable within 10 s");
    }

    private sealed record Hidden(List<(int Id, string State)> Replies, int AttachmentReplyId, int AttachmentId, int SummaryId, int PublishedWithHistoryId);

    private static string Text(string marker) => $"<p>关于{marker}的答复：我局高度重视，已组织专题研究，{marker}将在下一步工作中落实。</p>";

    private static string Title(string marker) => $"关于{marker}问题的建议";

    private async Task<Hidden> SeedAsync()
    {
        var replies = new List<(int, string)>();
        using var drafter = await site.SignInAsync("drafter");
        using var reviewer = await site.SignInAsync("reviewer");
        using var coordinator = await site.SignInAsync("coordinator");

        // Draft.
        var draftId = await RepliesSite.StartReplyAsync(drafter, await site.CreateProposalAsync(title: Title("leakmarkerdraft")));
        await RepliesSite.SaveAsync(drafter, draftId, Text("leakmarkerdraft"));
        replies.Add((draftId, "draft"));
        var upload = await RepliesSite.UploadAsync(drafter, draftId, "leakmarkerattachment.pdf", RepliesSite.SmallPdf());
        Assert.True(upload.StatusCode == HttpStatusCode.Redirect, $"upload answered {(int)upload.StatusCode}");
        var attachmentId = await site.QueryAsync(db => db.Set<DocumentAttachment>()
            .Where(a => a.FileName == "leakmarkerattachment.pdf").Select(a => a.Id).FirstAsync());

        // Returned, with a comment carrying a marker.
        var returnedId = await RepliesSite.StartReplyAsync(drafter, await site.CreateProposalAsync(title: Title("leakmarkerreturned")));
        await RepliesSite.SaveAsync(drafter, returnedId, Text("leakmarkerreturned"), command: "submit");
        await RepliesSite.PostOkAsync(reviewer, $"/admin/replies/{returnedId}", $"/admin/replies/{returnedId}/return", [new("comment", "请补充leakmarkerreturncomment。")]);
        replies.Add((returnedId, "returned"));

        // Approved, not sent.
        var (_, approvedId) = await site.ApprovedReplyAsync(Text("leakmarkerapproved"), title: Title("leakmarkerapproved"));
        replies.Add((approvedId, "approved"));

        // Sent, not published.
        var (_, sentId) = await site.ApprovedReplyAsync(Text("leakmarkersent"), send: true, title: Title("leakmarkersent"));
        replies.Add((sentId, "sent"));

        // Withheld (不予公开).
        var (_, withheldId) = await site.ApprovedReplyAsync(Text("leakmarkerwithheld"), send: true, title: Title("leakmarkerwithheld"));
        await RepliesSite.PostOkAsync(coordinator, $"/admin/replies/{withheldId}/publish", $"/admin/replies/{withheldId}/withdraw",
            [new("reason", "涉及leakmarkerwithholdreason。")]);
        replies.Add((withheldId, "withheld"));

        // Published, then unpublished (撤回公开).
        var (_, unpublishedId) = await site.ApprovedReplyAsync(Text("leakmarkerunpublished"), send: true, title: Title("leakmarkerunpublished"));
        await RepliesSite.PostOkAsync(coordinator, $"/admin/replies/{unpublishedId}/publish", $"/admin/replies/{unpublishedId}/publish", [new("comment", "公开。")]);
        await RepliesSite.PostOkAsync(coordinator, $"/admin/replies/{unpublishedId}/publish", $"/admin/replies/{unpublishedId}/withdraw", [new("reason", "撤回。")]);
        replies.Add((unpublishedId, "unpublished"));

        // A draft handling summary of the tests' own session.
        var world = await site.WorldAsync();
        await RepliesSite.PostOkAsync(coordinator, "/admin/summaries", "/admin/summaries/create", [new("sessionId", world.SessionId.ToString(CultureInfo.InvariantCulture))]);
        var summaryId = await site.QueryAsync(async db =>
        {
            var summary = await db.Set<HandlingSummary>().Include(s => s.Document).SingleAsync(s => s.SessionId == world.SessionId);
            var version = await db.Set<DocumentVersion>().SingleAsync(v => v.DocumentId == summary.DocumentId && v.Number == summary.Document.LatestVersion);
            version.Title = "leakmarkersummary 办理工作总结";
            version.OfficialHtml = version.PublicHtml = Text("leakmarkersummary");
            await db.SaveChangesAsync();
            return summary.Id;
        });

        // The demo's published 2020 summary gets a new draft: the published version stays public, the draft does not.
        var demoSummaryId = await site.QueryAsync(db => db.Set<HandlingSummary>().Where(s => s.Year == 2020).Select(s => s.DocumentId).SingleAsync());
        using (var scope = site.Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Transparency.Data.TransparencyDbContext>();
            var workflow = scope.ServiceProvider.GetRequiredService<Transparency.Replies.Services.DocumentWorkflow>();
            var document = await db.Set<ReviewedDocument>().SingleAsync(d => d.Id == demoSummaryId);
            var latest = await workflow.LatestAsync(document);
            await workflow.SaveDraftAsync(document, new Transparency.Replies.Services.EditBase(latest.Number, latest.Revision),
                new Transparency.Replies.Services.DocumentContent(latest.Title + " leakmarkernewdraft", Text("leakmarkernewdraft"), null, null), "coordinator");
        }

        // Published last: its first version (returned) and its newer draft say other things than the published text.
        var controlProposal = await site.CreateProposalAsync(title: Title(Control));
        var controlId = await RepliesSite.StartReplyAsync(drafter, controlProposal);
        await RepliesSite.SaveAsync(drafter, controlId, Text("leakmarkeroldversion"), command: "submit");
        await RepliesSite.PostOkAsync(reviewer, $"/admin/replies/{controlId}", $"/admin/replies/{controlId}/return", [new("comment", "请修改。")]);
        await RepliesSite.SaveAsync(drafter, controlId, Text(Control), command: "submit");
        await RepliesSite.PostOkAsync(reviewer, $"/admin/replies/{controlId}", $"/admin/replies/{controlId}/approve");
        using (var approver = await site.SignInAsync("approver"))
        {
            await RepliesSite.PostOkAsync(approver, $"/admin/replies/{controlId}", $"/admin/replies/{controlId}/approve");
        }

        await RepliesSite.PostOkAsync(coordinator, $"/admin/replies/{controlId}/send", $"/admin/replies/{controlId}/send",
            [new("SentOn", RepliesSite.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), new("Channel", "Mail")]);
        await RepliesSite.PostOkAsync(coordinator, $"/admin/replies/{controlId}/publish", $"/admin/replies/{controlId}/publish", [new("comment", "公开。")]);
        Assert.Equal(DocumentStatus.Published, (await site.ReplyAsync(controlId)).Document.Status);

        return new Hidden(replies, draftId, attachmentId, summaryId, controlId);
    }
}

public sealed class LeakSqliteSite() : RepliesSite(DatabaseKind.Sqlite);

public sealed class LeakPostgreSqlSite() : RepliesSite(DatabaseKind.PostgreSql);

public sealed class NoLeakTestsOnSqlite(LeakSqliteSite site) : NoLeakTests<LeakSqliteSite>(site);

public sealed class NoLeakTestsOnPostgreSql(LeakPostgreSqlSite site) : NoLeakTests<LeakPostgreSqlSite>(site);
