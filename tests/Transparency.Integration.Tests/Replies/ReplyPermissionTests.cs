using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Routing;
using Microsoft.EntityFrameworkCore;
using Transparency.AuditTrail.Models;
using Transparency.Core.Security;
using Transparency.Integration.Tests.Infrastructure;
using Transparency.Notifications.Models;
using Transparency.Proposals.Models;
using Transparency.Replies.Controllers;
using Transparency.Replies.Models;
using static Transparency.Integration.Tests.Replies.Expect;

namespace Transparency.Integration.Tests.Replies;

/// <summary>What a request on a reply route gets.</summary>
public enum Expect
{
    /// <summary>Allowed: not requested by the denial sweep (the other tests exercise it).</summary>
    Ok,

    /// <summary>302 to /account/login.</summary>
    Login,

    /// <summary>302 to /account/denied: the route's permission is missing.</summary>
    Denied,

    /// <summary>403 from the document rules: the permission is there, but not for this stage.</summary>
    Forbidden,

    /// <summary>404: the reply is not visible to the user (another unit's), or not published.</summary>
    NotFound,

    /// <summary>200, but the reply is not listed.</summary>
    Unlisted,
}

/// <summary>
/// Every route of the reply controllers (RepliesController, the public attachment download, LettersController), with the
/// permission its attribute requires and what each kind of user gets on a reply of 市容环境科 waiting at 审核.
/// A route added to a controller without a row here fails <see cref="ReplyRouteTableTests"/>.
/// </summary>
public static partial class ReplyRoutes
{
    private const string View = "Replies.View", Draft = "Replies.Draft", Send = "Replies.Send", Publish = "Replies.Publish", Templates = "Replies.ManageTemplates";

    public static readonly IReadOnlyList<RouteCase> All =
    [
        //                                                                             anonymous representative drafter reviewer coordinator other-unit drafter, other-unit all permissions
        new("GET", "admin/replies", View, Login, Denied, Ok, Ok, Ok, Unlisted, Unlisted),
        new("GET", "admin/replies/inbox", View, Login, Denied, Ok, Ok, Ok, Unlisted, Unlisted),
        new("GET", "admin/proposals/{proposalId:int}/replies", View, Login, Denied, Ok, Ok, Ok, NotFound, NotFound),
        new("POST", "admin/proposals/{proposalId:int}/replies", Draft, Login, Denied, Ok, Denied, Denied, NotFound, NotFound),
        new("GET", "admin/replies/{id:int}", View, Login, Denied, Ok, Ok, Ok, NotFound, NotFound),
        new("GET", "admin/replies/{id:int}/edit", Draft, Login, Denied, Ok, Denied, Denied, NotFound, NotFound),
        new("POST", "admin/replies/{id:int}/edit", Draft, Login, Denied, Ok, Denied, Denied, NotFound, NotFound),
        new("POST", "admin/replies/{id:int}/submit", Draft, Login, Denied, Ok, Denied, Denied, NotFound, NotFound),
        new("POST", "admin/replies/{id:int}/approve", View, Login, Denied, Forbidden, Ok, Forbidden, NotFound, NotFound),
        new("POST", "admin/replies/{id:int}/return", View, Login, Denied, Forbidden, Ok, Forbidden, NotFound, NotFound),
        new("GET", "admin/replies/{id:int}/send", Send, Login, Denied, Denied, Denied, Ok, Denied, NotFound),
        new("POST", "admin/replies/{id:int}/send", Send, Login, Denied, Denied, Denied, Ok, Denied, NotFound),
        new("GET", "admin/replies/{id:int}/publish", Publish, Login, Denied, Denied, Denied, Ok, Denied, NotFound),
        new("POST", "admin/replies/{id:int}/publish", Publish, Login, Denied, Denied, Denied, Ok, Denied, NotFound),
        new("POST", "admin/replies/{id:int}/withdraw", Publish, Login, Denied, Denied, Denied, Ok, Denied, NotFound),
        new("GET", "admin/replies/{id:int}/versions", View, Login, Denied, Ok, Ok, Ok, NotFound, NotFound),
        new("GET", "admin/replies/{id:int}/diff", View, Login, Denied, Ok, Ok, Ok, NotFound, NotFound),
        new("POST", "admin/replies/{id:int}/restore", Draft, Login, Denied, Ok, Denied, Denied, NotFound, NotFound),
        new("POST", "admin/replies/{id:int}/attachments", Draft, Login, Denied, Ok, Denied, Denied, NotFound, NotFound),
        new("POST", "admin/replies/{id:int}/attachments/{attachmentId:int}/delete", Draft, Login, Denied, Ok, Denied, Denied, NotFound, NotFound),
        new("GET", "admin/replies/{id:int}/attachments/{attachmentId:int}", View, Login, Denied, Ok, Ok, Ok, NotFound, NotFound),
        new("GET", "replies/{id:int}/attachments/{attachmentId:int}", null, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound),
        new("GET", "admin/replies/{id:int}/letter.docx", View, Login, Denied, Ok, Ok, Ok, NotFound, NotFound),
        new("GET", "admin/replies/settings", Templates, Login, Denied, Denied, Denied, Ok, Denied, Ok),
        new("POST", "admin/replies/settings", Templates, Login, Denied, Denied, Denied, Ok, Denied, Ok),
    ];

    public static readonly Type[] Controllers = [typeof(RepliesController), typeof(PublicAttachmentsController), typeof(LettersController)];

    /// <summary>The path of <paramref name="route"/> with its placeholders ({id:int}…) filled in.</summary>
    public static string Url(RouteCase route, IReadOnlyDictionary<string, string> values)
        => "/" + Placeholder().Replace(route.Template, m => values[m.Groups[1].Value]);

    [GeneratedRegex(@"\{(\w+)(?::\w+)?\}")]
    private static partial Regex Placeholder();
}

/// <summary>One route and what each user gets on it.</summary>
public sealed record RouteCase(
    string Method, string Template, string? Permission,
    Expect Anonymous, Expect Representative, Expect Drafter, Expect Reviewer, Expect Coordinator, Expect OtherDrafter, Expect OtherUnitAll)
{
    public override string ToString() => $"{Method} {Template}";
}

/// <summary>The route table above is the controllers' routes, exactly, with their permissions.</summary>
public sealed class ReplyRouteTableTests
{
    [Fact]
    public void EveryActionOfTheReplyControllersHasARowWithItsPermission()
    {
        var actions = ReplyRoutes.Controllers
            .SelectMany(t =>
            {
                Assert.Null(t.GetCustomAttribute<RouteAttribute>()); // the templates are the full paths
                return t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly);
            })
            .Where(m => m.GetCustomAttributes<HttpMethodAttribute>().Any())
            .SelectMany(m => m.GetCustomAttributes<HttpMethodAttribute>().SelectMany(a => a.HttpMethods.Select(h =>
                $"{h} {a.Template} {m.GetCustomAttribute<RequirePermissionAttribute>()?.Permission ?? "(anonymous)"}")))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Equal(actions, ReplyRoutes.All.Select(r => $"{r.Method} {r.Template} {r.Permission ?? "(anonymous)"}").Order(StringComparer.Ordinal));
    }
}

/// <summary>
/// The sweep: every route, with and without a signed-in user, with the permission and without, from inside and outside
/// the reply's unit, with and without an antiforgery token. Nothing is written by any of these requests.
/// </summary>
public abstract class ReplyPermissionTests<TSite>(TSite site) where TSite : RepliesSite
{
    [Fact]
    public async Task EveryRouteRefusesWhoeverMayNotUseItAndNothingIsWritten()
    {
        // A reply of 市容环境科 with an attachment, waiting at 审核.
        var proposalId = await site.CreateProposalAsync();
        using var drafter = await site.SignInAsync("drafter");
        var id = await RepliesSite.StartReplyAsync(drafter, proposalId);
        await RepliesSite.SaveAsync(drafter, id, "<p>答复正文。</p>");
        Assert.Equal(HttpStatusCode.Redirect, (await RepliesSite.UploadAsync(drafter, id, "说明.pdf", RepliesSite.SmallPdf())).StatusCode);
        await RepliesSite.PostOkAsync(drafter, $"/admin/replies/{id}", $"/admin/replies/{id}/submit");
        var attachmentId = await site.QueryAsync(db => db.Set<DocumentAttachment>()
            .Where(a => db.Set<Reply>().Any(r => r.Id == id && r.DocumentId == a.DocumentId)).Select(a => a.Id).SingleAsync());
        var latest = (await site.VersionsAsync(id))[^1];
        var values = new Dictionary<string, string>
        {
            ["id"] = RepliesSite.Str(id), ["proposalId"] = RepliesSite.Str(proposalId), ["attachmentId"] = RepliesSite.Str(attachmentId),
        };

        using var anonymous = site.Factory.CreateSiteClient();
        using var representative = await site.SignInAsync("representative");
        using var reviewer = await site.SignInAsync("reviewer");
        using var coordinator = await site.SignInAsync("coordinator");
        using var otherDrafter = await site.SignInAsync(RepliesSite.OtherDrafter);
        using var otherAll = await site.SignInAsync(RepliesSite.OtherUnitAll);
        using var admin = site.Factory.CreateSiteClient();
        await admin.SignInAsAdminAsync();
        var users = new (string Name, SiteClient Client, Func<RouteCase, Expect> Expected)[]
        {
            ("anonymous", anonymous, r => r.Anonymous),
            ("representative", representative, r => r.Representative),
            ("drafter", drafter, r => r.Drafter),
            ("reviewer", reviewer, r => r.Reviewer),
            ("coordinator", coordinator, r => r.Coordinator),
            ("other-unit drafter", otherDrafter, r => r.OtherDrafter),
            ("other-unit staff with every Replies permission", otherAll, r => r.OtherUnitAll),
        };

        var before = await SnapshotAsync(id, proposalId);
        var failures = new List<string>();
        foreach (var route in ReplyRoutes.All)
        {
            var url = ReplyRoutes.Url(route, values);
            foreach (var (name, client, expected) in users)
            {
                var expect = expected(route);
                if (expect == Ok)
                {
                    continue;
                }

                using var response = route.Method == "GET"
                    ? await client.GetAsync(url)
                    : await PostAsync(client, route, url, id, Fields(route, latest), await TokenAsync(client));
                if (await FailureAsync(response, expect, id) is { } failure)
                {
                    failures.Add($"{route.Method} {url} as {name}: expected {expect}, {failure}");
                }
            }

            // Without an antiforgery token, even a user who may do everything is refused.
            if (route.Method == "POST")
            {
                using var response = await PostAsync(admin, route, url, id, Fields(route, latest), token: null);
                if (response.StatusCode != HttpStatusCode.BadRequest)
                {
                    failures.Add($"POST {url} without a token: expected 400, got {(int)response.StatusCode}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(before, await SnapshotAsync(id, proposalId));

        // The sweep really met a live reply: its drafter and reviewer still act on it.
        Assert.Equal(HttpStatusCode.OK, (await drafter.GetAsync($"/admin/replies/{id}/attachments/{attachmentId}")).StatusCode);
        await RepliesSite.PostOkAsync(reviewer, $"/admin/replies/{id}", $"/admin/replies/{id}/approve");
        Assert.Equal(DocumentStatus.AwaitingApproval, (await site.ReplyAsync(id)).Document.Status);
    }

    /// <summary>Null when the response is what <paramref name="expect"/> says, else what it was.</summary>
    private static async Task<string?> FailureAsync(HttpResponseMessage response, Expect expect, int replyId)
    {
        var status = (int)response.StatusCode;
        var location = response.Headers.Location is { } l ? (l.IsAbsoluteUri ? l.PathAndQuery : l.OriginalString) : "";
        var ok = expect switch
        {
            Login => status == 302 && location.StartsWith("/account/login", StringComparison.Ordinal),
            Denied => status == 302 && location.StartsWith("/account/denied", StringComparison.Ordinal),
            Forbidden => status == 403,
            NotFound => status == 404,
            Unlisted => status == 200 && !(await response.Content.ReadAsStringAsync()).Contains($"href=\"/admin/replies/{replyId}\"", StringComparison.Ordinal),
            _ => false,
        };
        return ok ? null : $"got {status} {location}".TrimEnd();
    }

    private static async Task<HttpResponseMessage> PostAsync(SiteClient client, RouteCase route, string url, int replyId, List<KeyValuePair<string, string>> fields, string? token)
    {
        if (route.Template.EndsWith("/attachments", StringComparison.Ordinal))
        {
            if (token is not null)
            {
                return await RepliesSite.UploadAsync(client, replyId, "越权.pdf", RepliesSite.SmallPdf(), token);
            }

            using var form = new MultipartFormDataContent { { new ByteArrayContent(RepliesSite.SmallPdf()), "file", "越权.pdf" } };
            return await client.Http.PostAsync(url, form);
        }

        if (token is not null)
        {
            fields.Add(new("__RequestVerificationToken", token));
        }

        using var content = new FormUrlEncodedContent(fields);
        return await client.Http.PostAsync(url, content);
    }

    /// <summary>What a real form would post to the route; each would change the reply if it were accepted.</summary>
    private static List<KeyValuePair<string, string>> Fields(RouteCase route, DocumentVersion latest) => route.Template.Split('/')[^1] switch
    {
        "edit" => RepliesSite.EditFields((latest.Number, latest.Revision), "<p>越权修改。</p>", title: "越权修改的标题"),
        "submit" or "approve" => [new("comment", "越权。")],
        "return" => [new("comment", "越权退回。")],
        "send" => [new("SentOn", RepliesSite.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), new("Channel", "Mail")],
        "withdraw" => [new("reason", "其他"), new("otherReason", "越权。")],
        "restore" => [new("number", "1")],
        "settings" => [new("Template", "越权"), new("Stages[0].Name", "越权"), new("Stages[0].Permission", "Replies.View")],
        _ => [],
    };

    /// <summary>An antiforgery token for the client's current identity (the sign-in page renders for everyone).</summary>
    private static async Task<string> TokenAsync(SiteClient client)
        => SiteClient.AntiforgeryToken(await client.GetStringAsync("/account/login"));

    /// <summary>Everything a request on the reply could change, as one string.</summary>
    private Task<string> SnapshotAsync(int replyId, int proposalId) => site.QueryAsync(async db =>
    {
        var reply = await db.Set<Reply>().AsNoTracking().Include(r => r.Document).SingleAsync(r => r.Id == replyId);
        var d = reply.Document;
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{d.Status} {d.StageIndex} {d.LatestVersion} {d.PublishedVersion} {d.UpdatedUtc:O} {d.NotPublicReason}");
        text.AppendLine(CultureInfo.InvariantCulture, $"{reply.DocumentNumber} {reply.ContactPerson} {reply.ContactPhone} {reply.SentOn} {reply.SentChannel} {reply.SentBy}");
        foreach (var v in await db.Set<DocumentVersion>().AsNoTracking().Where(v => v.DocumentId == d.Id).OrderBy(v => v.Number).ToListAsync())
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"v{v.Number} {v.State} r{v.Revision} {v.Title} {v.Outcome} {v.UpdatedBy} {v.UpdatedUtc:O} {v.OfficialHtml} | {v.PublicHtml}");
        }

        foreach (var a in await db.Set<DocumentAttachment>().AsNoTracking().Where(a => a.DocumentId == d.Id).OrderBy(a => a.Id).ToListAsync())
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"attachment {a.Id} {a.FileName} {a.StoredName}");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"decisions {await db.Set<DocumentDecisionRecord>().CountAsync(x => x.DocumentId == d.Id)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"personal data {await db.Set<PersonalDataRecord>().CountAsync(x => x.DocumentId == d.Id)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"replies {await db.Set<Reply>().CountAsync()} documents {await db.Set<ReviewedDocument>().CountAsync()}");
        text.AppendLine(CultureInfo.InvariantCulture, $"proposal {await db.Set<Proposal>().Where(p => p.Id == proposalId).Select(p => p.Status).SingleAsync()}");
        text.AppendLine(CultureInfo.InvariantCulture, $"notices {await db.Set<Notice>().CountAsync()}");
        text.AppendLine(CultureInfo.InvariantCulture, $"audit {await db.Set<AuditEvent>().CountAsync(e => e.Category != "Security")}");
        text.AppendLine(CultureInfo.InvariantCulture, $"files {(Directory.Exists(site.AttachmentsPath) ? Directory.GetFiles(site.AttachmentsPath).Length : 0)}");
        return text.ToString();
    });

}

[Collection(RepliesSqliteCollection.Name)]
public sealed class ReplyPermissionTestsOnSqlite(RepliesSqliteSite site) : ReplyPermissionTests<RepliesSqliteSite>(site);

[Collection(RepliesPostgreSqlCollection.Name)]
public sealed class ReplyPermissionTestsOnPostgreSql(RepliesPostgreSqlSite site) : ReplyPermissionTests<RepliesPostgreSqlSite>(site);
