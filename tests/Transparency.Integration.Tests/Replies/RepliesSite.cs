using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Transparency.AuditTrail.Models;
using Transparency.Data;
using Transparency.Integration.Tests.Infrastructure;
using Transparency.Proposals.Models;
using Transparency.Replies;
using Transparency.Replies.Models;
using Transparency.Units.Models;
using Transparency.Users.Services;

namespace Transparency.Integration.Tests.Replies;

/// <summary>
/// The demo site (its users, units and the 9 replies of 市十六届人大三次会议) shared by every Replies test class of one
/// database, plus a small world of the tests' own: a session of their own for fresh proposals (so the demo session's
/// figures stay as seeded), a second drafter of 市容环境科, a drafter of 市政设施科, and two staff of 环卫处 who must not see 市容环境科's replies.
/// Attachments go to a temporary folder.
/// </summary>
public abstract partial class RepliesSite(DatabaseKind kind) : SiteFixture(kind), IAsyncLifetime
{
    /// <summary>The password of the users the tests create.</summary>
    public const string Password = "Replies#Test2026";

    public const string DemoSession = "市十六届人大三次会议";

    /// <summary>A second drafter of 市容环境科 (Drafter role).</summary>
    public const string SecondDrafter = "replies-drafter2";

    /// <summary>
    /// A drafter of 市政设施科 (Drafter role): the demo's drafter belongs to 市容环境科 only, so the demo's returned reply
    /// 0092 (市政设施科) needs a drafter of its unit to be seen from the drafting side.
    /// </summary>
    public const string MunicipalDrafter = "replies-szk-drafter";

    /// <summary>A drafter of 环卫处 only (Drafter role).</summary>
    public const string OtherDrafter = "replies-outsider";

    /// <summary>A member of 环卫处 only, with every Replies permission but without Proposals.ViewAll.</summary>
    public const string OtherUnitAll = "replies-outsider-all";

    private static readonly Dictionary<string, string> DemoPasswords = new(StringComparer.Ordinal)
    {
        ["coordinator"] = "Demo#Coord2020",
        ["drafter"] = "Demo#Draft2020",
        ["reviewer"] = "Demo#Review2020",
        ["approver"] = "Demo#Approve2020",
        ["representative"] = "Demo#Rep2020",
    };

    private readonly Lock _gate = new();
    private Task<RepliesWorld>? _world;
    private int _numbers;

    public string AttachmentsPath { get; } = Path.Combine(Path.GetTempPath(), $"transparency-replies-attachments-{Guid.NewGuid():N}");

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Setup:Recipes:0"] = "demo",
        ["Attachments:Path"] = AttachmentsPath,
    };

    /// <summary>Today in China, as the site counts it.</summary>
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(AttachmentsPath))
        {
            Directory.Delete(AttachmentsPath, recursive: true);
        }
    }

    /// <summary>The tests' world, created on first use.</summary>
    public Task<RepliesWorld> WorldAsync()
    {
        lock (_gate)
        {
            return _world ??= CreateWorldAsync();
        }
    }

    /// <summary>A client signed in as a demo user or one of the tests' users.</summary>
    public async Task<SiteClient> SignInAsync(string userName)
    {
        await WorldAsync();
        var client = Factory.CreateSiteClient();
        var response = await client.SignInAsync(userName, DemoPasswords.GetValueOrDefault(userName, Password));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{userName} could not sign in ({(int)response.StatusCode}).");
        return client;
    }

    /// <summary>A proposal of the tests' session, assigned 30 days ago to <paramref name="unitShortName"/> as lead unit.</summary>
    public async Task<int> CreateProposalAsync(string unitShortName = "市容环境科", string? title = null)
    {
        var world = await WorldAsync();
        using var scope = Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TransparencyDbContext>();
        var number = "R" + Interlocked.Increment(ref _numbers).ToString("D3", CultureInfo.InvariantCulture);
        var assignedOn = Today.AddDays(-30);
        var proposal = new Proposal
        {
            SessionId = world.SessionId,
            Kind = ProposalKind.Suggestion,
            Number = number,
            Title = title ?? $"关于整治背街小巷环境卫生的建议（答复测试{number}）",
            Body = "建议加大背街小巷保洁力度。",
            ReceivedOn = assignedOn.AddDays(-10),
            Status = ProposalStatus.Assigned,
            CreatedUtc = DateTime.UtcNow,
            Representatives = [new ProposalRepresentative { RepresentativeId = world.RepresentativeId, Position = 0 }],
            Assignments =
            [
                new Assignment
                {
                    UnitId = world.Units[unitShortName],
                    Role = HandlingRole.Lead,
                    AssignedOn = assignedOn,
                    RuleDueOn = assignedOn.AddMonths(3),
                    DueOn = assignedOn.AddMonths(3),
                    Status = AssignmentStatus.Active,
                },
            ],
        };
        db.Add(proposal);
        await db.SaveChangesAsync();
        return proposal.Id;
    }

    /// <summary>Runs a query on a fresh DbContext.</summary>
    public async Task<T> QueryAsync<T>(Func<TransparencyDbContext, Task<T>> query)
    {
        using var scope = Factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<TransparencyDbContext>());
    }

    public Task<Reply> ReplyAsync(int replyId)
        => QueryAsync(db => db.Set<Reply>().AsNoTracking().Include(r => r.Document).SingleAsync(r => r.Id == replyId));

    /// <summary>The reply's versions, oldest first.</summary>
    public Task<List<DocumentVersion>> VersionsAsync(int replyId) => QueryAsync(async db =>
    {
        var documentId = await db.Set<Reply>().Where(r => r.Id == replyId).Select(r => r.DocumentId).SingleAsync();
        return await db.Set<DocumentVersion>().AsNoTracking().Where(v => v.DocumentId == documentId).OrderBy(v => v.Number).ToListAsync();
    });

    /// <summary>The reply's decision records, oldest first.</summary>
    public Task<List<DocumentDecisionRecord>> DecisionsAsync(int replyId) => QueryAsync(async db =>
    {
        var documentId = await db.Set<Reply>().Where(r => r.Id == replyId).Select(r => r.DocumentId).SingleAsync();
        return await db.Set<DocumentDecisionRecord>().AsNoTracking().Where(d => d.DocumentId == documentId)
            .OrderBy(d => d.OccurredUtc).ThenBy(d => d.Id).ToListAsync();
    });

    /// <summary>The audit events of the reply's document, oldest first.</summary>
    public Task<List<AuditEvent>> AuditAsync(int replyId) => QueryAsync(async db =>
    {
        var documentId = await db.Set<Reply>().Where(r => r.Id == replyId).Select(r => r.DocumentId).SingleAsync();
        var subject = ReviewedDocument.SubjectId(documentId);
        return await db.Set<AuditEvent>().AsNoTracking().Where(e => e.SubjectId == subject).OrderBy(e => e.Id).ToListAsync();
    });

    public Task<ProposalStatus> ProposalStatusAsync(int proposalId)
        => QueryAsync(db => db.Set<Proposal>().Where(p => p.Id == proposalId).Select(p => p.Status).SingleAsync());

    // ---- HTTP helpers -------------------------------------------------------------------------------------

    /// <summary>The drafter starts the reply of their unit to the proposal; returns the reply id.</summary>
    public static async Task<int> StartReplyAsync(SiteClient drafter, int proposalId)
    {
        var response = await drafter.PostFormAsync("/admin", $"/admin/proposals/{proposalId}/replies", []);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var match = ReplyEditPattern().Match(response.Headers.Location!.OriginalString);
        Assert.True(match.Success, response.Headers.Location.OriginalString);
        return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>The version number and revision the edit page starts from.</summary>
    public static async Task<(int Version, int Revision)> EditBaseAsync(SiteClient drafter, int replyId)
    {
        var page = await drafter.GetStringAsync($"/admin/replies/{replyId}/edit");
        return (HiddenInt(page, "Form.VersionNumber"), HiddenInt(page, "Form.Revision"));
    }

    /// <summary>The fields the edit form posts.</summary>
    public static List<KeyValuePair<string, string>> EditFields(
        (int Version, int Revision) basedOn, string officialHtml, string publicHtml = "", string outcome = "A", string command = "save",
        string title = "关于背街小巷环境卫生整治建议的答复", string contactPerson = "李建军")
        =>
        [
            new("Form.VersionNumber", Str(basedOn.Version)), new("Form.Revision", Str(basedOn.Revision)),
            new("Form.Title", title), new("Form.Outcome", outcome),
            new("Form.DocumentNumber", "市城管建字〔2026〕1号"), new("Form.ContactPerson", contactPerson), new("Form.ContactPhone", "0551-62617315"),
            new("Form.OfficialHtml", officialHtml), new("Form.PublicHtml", publicHtml), new("Form.Command", command),
        ];

    /// <summary>Opens the editor and saves (or saves and submits) the texts; asserts the redirect.</summary>
    public static async Task SaveAsync(SiteClient drafter, int replyId, string officialHtml, string publicHtml = "", string command = "save", string outcome = "A")
    {
        var edit = $"/admin/replies/{replyId}/edit";
        var basedOn = await EditBaseAsync(drafter, replyId);
        var response = await drafter.PostFormAsync(edit, edit, EditFields(basedOn, officialHtml, publicHtml, outcome, command));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"saving reply {replyId} returned {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Posts a form with a token taken from <paramref name="formPage"/>; asserts a redirect.</summary>
    public static async Task PostOkAsync(SiteClient client, string formPage, string action, params KeyValuePair<string, string>[] fields)
    {
        var response = await client.PostFormAsync(formPage, action, fields);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"POST {action} returned {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>
    /// A fresh reply of 市容环境科, taken by the demo users through 审核 and 审定 to Approved (or further, to Sent) over HTTP.
    /// </summary>
    public async Task<(int ProposalId, int ReplyId)> ApprovedReplyAsync(string officialHtml, string publicHtml = "", bool send = false, string? title = null)
    {
        var proposalId = await CreateProposalAsync(title: title);
        using var drafter = await SignInAsync("drafter");
        var replyId = await StartReplyAsync(drafter, proposalId);
        await SaveAsync(drafter, replyId, officialHtml, publicHtml, command: "submit");
        var page = $"/admin/replies/{replyId}";
        using (var reviewer = await SignInAsync("reviewer"))
        {
            await PostOkAsync(reviewer, page, page + "/approve");
        }

        using (var approver = await SignInAsync("approver"))
        {
            await PostOkAsync(approver, page, page + "/approve");
        }

        if (send)
        {
            using var coordinator = await SignInAsync("coordinator");
            await PostOkAsync(coordinator, page + "/send", page + "/send", [new("SentOn", Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), new("Channel", "Mail")]);
        }

        return (proposalId, replyId);
    }

    /// <summary>Uploads a file to the reply as the form on its page does (multipart, with the page's antiforgery token).</summary>
    public static async Task<HttpResponseMessage> UploadAsync(SiteClient client, int replyId, string fileName, byte[] content, string? token = null)
    {
        token ??= SiteClient.AntiforgeryToken(await client.GetStringAsync($"/admin/replies/{replyId}"));
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", fileName);
        return await client.Http.PostAsync($"/admin/replies/{replyId}/attachments", form);
    }

    /// <summary>A minimal but well-formed one-page PDF.</summary>
    public static byte[] SmallPdf()
    {
        const string pdf = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
            "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";
        return System.Text.Encoding.ASCII.GetBytes(pdf);
    }

    public static string Str(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The value of a hidden number field of a form page.</summary>
    public static int HiddenInt(string page, string name)
    {
        var match = Regex.Match(page, $"name=\"{Regex.Escape(name)}\" value=\"(\\d+)\"");
        Assert.True(match.Success, $"The edit page has no {name}.");
        return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private async Task<RepliesWorld> CreateWorldAsync()
    {
        using var scope = Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TransparencyDbContext>();
        var units = await db.Set<Unit>().ToDictionaryAsync(u => u.ShortName, u => u.Id);
        var session = new Session { Name = "答复测试会议", Year = 2019, Kind = SessionKind.Npc };
        var representative = new Representative { Name = "赵测试", Kind = RepresentativeKind.Deputy, Delegation = "测试代表团" };
        db.AddRange(session, representative);
        await db.SaveChangesAsync();

        var roles = scope.ServiceProvider.GetRequiredService<RoleAdminService>();
        var role = await roles.SaveAsync(null, "replies-test-all", "答复测试：全部答复权限，仅本单位建议",
            ["Admin.Access", "Proposals.View", .. RepliesPermissions.All.Select(p => p.Name)], replace: true);
        Assert.True(role.Succeeded, string.Join("; ", role.Errors.Select(e => e.Description)));
        var users = scope.ServiceProvider.GetRequiredService<UserAdminService>();
        foreach (var (name, display, userRole, unit) in new[]
        {
            (SecondDrafter, "周海燕", "Drafter", "市容环境科"),
            (MunicipalDrafter, "蒋卫国", "Drafter", "市政设施科"),
            (OtherDrafter, "环卫处承办人", "Drafter", "环卫处"),
            (OtherUnitAll, "环卫处负责人", "replies-test-all", "环卫处"),
        })
        {
            var result = await users.SaveAsync(null, new UserChange(name, display, null, Password, [userRole], [units[unit]]));
            Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        }

        return new RepliesWorld(session.Id, representative.Id, units);
    }

    [GeneratedRegex(@"^/admin/replies/(\d+)/edit$")]
    private static partial Regex ReplyEditPattern();
}

/// <summary>Ids of the Replies tests' world.</summary>
public sealed record RepliesWorld(int SessionId, int RepresentativeId, IReadOnlyDictionary<string, int> Units);

public sealed class RepliesSqliteSite() : RepliesSite(DatabaseKind.Sqlite);

public sealed class RepliesPostgreSqlSite() : RepliesSite(DatabaseKind.PostgreSql);

/// <summary>Every Replies test class on SQLite shares one site (one start-up with the demo recipe).</summary>
[CollectionDefinition(Name)]
public sealed class RepliesSqliteCollection : ICollectionFixture<RepliesSqliteSite>
{
    public const string Name = "Replies site on SQLite";
}

/// <summary>Every Replies test class on PostgreSQL shares one site.</summary>
[CollectionDefinition(Name)]
public sealed class RepliesPostgreSqlCollection : ICollectionFixture<RepliesPostgreSqlSite>
{
    public const string Name = "Replies site on PostgreSQL";
}
