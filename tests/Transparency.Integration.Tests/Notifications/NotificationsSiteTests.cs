using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Transparency.Core.Notifications;
using Transparency.Data;
using Transparency.Data.Identity;
using Transparency.Integration.Tests.Infrastructure;
using Transparency.Notifications.Models;

namespace Transparency.Integration.Tests.Notifications;

/// <summary>
/// In-app notices: staged through <see cref="INotificationSender"/> with the change they announce, read by their
/// recipient only at /admin/notifications, counted in the admin header.
/// </summary>
public abstract partial class NotificationsSiteTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : SiteFixture
{
    private const string Password = "Notice#Pass2026";

    [Fact]
    public async Task TheRecipientSeesTheirNoticesNewestFirstAndTheUnreadCount()
    {
        var me = await CreateStaffAsync();
        await NotifyAsync([me], "第0012号建议的答复已被退回：请补充办理过程。", "/admin/proposals");
        await NotifyAsync([me], "第0013号建议已交办。", "/admin/proposals?status=assigned");

        using var client = await SignInAsync(me);
        var page = await client.GetStringAsync("/admin/notifications");

        Assert.Contains("<h1>通知中心</h1>", page);
        Assert.Contains("未读 2 条。", page);
        Assert.True(page.IndexOf("第0013号建议已交办。", StringComparison.Ordinal) < page.IndexOf("第0012号建议的答复已被退回", StringComparison.Ordinal),
            "newest first");
        Assert.Equal(2, OpenForms(page).Count);
        Assert.Equal(2, page.Split("<span class=\"badge\">未读</span>").Length - 1);

        var dashboard = await client.GetStringAsync("/admin");
        Assert.Contains("href=\"/admin/notifications\"", dashboard);
        Assert.Contains(">通知 (2)</a>", dashboard);
        Assert.Contains("aria-label=\"通知 (2)：2 条未读\"", dashboard);

        using var scope = site.Factory.Services.CreateScope();
        Assert.Equal(2, await scope.ServiceProvider.GetRequiredService<INotificationInbox>().UnreadCountAsync(me));
    }

    [Fact]
    public async Task UnknownRecipientsAreSkippedAndNamesAreFiledAsStored()
    {
        var me = await CreateStaffAsync();
        var message = $"名单测试 {Guid.NewGuid():N}";

        await NotifyAsync([me.ToUpperInvariant(), "nobody-at-all-" + Guid.NewGuid().ToString("N"), " ", me], message, null);

        using var scope = site.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TransparencyDbContext>();
        var rows = await db.Set<Notice>().Where(n => n.Message == message).ToListAsync();
        var row = Assert.Single(rows);
        Assert.Equal(me, row.UserName);
        Assert.Null(row.Url);
        Assert.Null(row.ReadUtc);
    }

    [Fact]
    public async Task AnotherUserCanNeitherSeeNorOpenNorMarkSomeoneElsesNotice()
    {
        var owner = await CreateStaffAsync();
        var other = await CreateStaffAsync("Reviewer");
        var message = $"仅本人可见 {Guid.NewGuid():N}";
        var id = Assert.Single(await NotifyAsync([owner], message, "/admin/proposals"));

        using var client = await SignInAsync(other);
        Assert.DoesNotContain(message, await client.GetStringAsync("/admin/notifications"));
        var open = await client.PostFormAsync("/admin/notifications", $"/admin/notifications/{id}/open", []);
        Assert.Equal(HttpStatusCode.NotFound, open.StatusCode);
        var readAll = await client.PostFormAsync("/admin/notifications", "/admin/notifications/read-all", []);
        Assert.Equal(HttpStatusCode.Redirect, readAll.StatusCode);

        Assert.Null((await FindAsync(id)).ReadUtc);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostFormAsync("/admin/notifications", "/admin/notifications/999999999/open", [])).StatusCode);
    }

    [Fact]
    public async Task OpeningANoticeMarksItReadAndFollowsItsLink()
    {
        var me = await CreateStaffAsync();
        var id = Assert.Single(await NotifyAsync([me], "请查看第0014号建议。", "/admin/proposals?number=0014"));

        using var client = await SignInAsync(me);
        var response = await client.PostFormAsync("/admin/notifications", $"/admin/notifications/{id}/open", []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/proposals?number=0014", response.Headers.Location!.OriginalString);
        Assert.NotNull((await FindAsync(id)).ReadUtc);
        var page = await client.GetStringAsync("/admin/notifications");
        Assert.Contains("没有未读通知。", page);
        Assert.Contains(">通知 (0)</a>", page);
        Assert.DoesNotContain("<span class=\"badge\">未读</span>", page);

        // Opening it again still works and keeps the first read time.
        var firstRead = (await FindAsync(id)).ReadUtc;
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/admin/notifications", $"/admin/notifications/{id}/open", [])).StatusCode);
        Assert.Equal(firstRead, (await FindAsync(id)).ReadUtc);
    }

    [Fact]
    public async Task MarkAllReadTouchesOnlyTheUsersOwnNotices()
    {
        var me = await CreateStaffAsync();
        var other = await CreateStaffAsync();
        await NotifyAsync([me], "甲", null);
        await NotifyAsync([me, other], "乙", "/admin");

        using var client = await SignInAsync(me);
        var response = await client.PostFormAsync("/admin/notifications", "/admin/notifications/read-all", []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/notifications", response.Headers.Location!.OriginalString);
        Assert.Contains("已全部标为已读。", await client.GetStringAsync("/admin/notifications"));
        using var scope = site.Factory.Services.CreateScope();
        var inbox = scope.ServiceProvider.GetRequiredService<INotificationInbox>();
        Assert.Equal(0, await inbox.UnreadCountAsync(me));
        Assert.Equal(1, await inbox.UnreadCountAsync(other));
    }

    [Fact]
    public async Task TheListIsPagedTwentyAtATime()
    {
        var me = await CreateStaffAsync();
        for (var i = 1; i <= 25; i++)
        {
            await NotifyAsync([me], $"分页通知 {i:00}", null);
        }

        using var client = await SignInAsync(me);
        var first = await client.GetStringAsync("/admin/notifications");
        Assert.Equal(20, OpenForms(first).Count);
        Assert.Contains("分页通知 25", first);
        Assert.DoesNotContain("分页通知 05", first);
        Assert.Contains("href=\"/admin/notifications?page=2\"", first);

        var second = await client.GetStringAsync("/admin/notifications?page=2");
        Assert.Equal(5, OpenForms(second).Count);
        Assert.Contains("分页通知 01", second);
        Assert.Contains("href=\"/admin/notifications?page=1\"", second);
        Assert.DoesNotContain("page=3", second);
    }

    [Theory]
    [InlineData("https://evil.example/phish")]
    [InlineData("//evil.example/phish")]
    [InlineData("/\\evil.example/phish")]
    [InlineData("javascript:alert(1)")]
    [InlineData("admin/proposals")]
    [InlineData("/admin/proposals\r\nLocation: https://evil.example")]
    public async Task ANonLocalUrlIsRejectedAndNothingIsStaged(string url)
    {
        var me = await CreateStaffAsync();
        using var scope = site.Factory.Services.CreateScope();
        var sender = scope.ServiceProvider.GetRequiredService<INotificationSender>();
        var db = scope.ServiceProvider.GetRequiredService<TransparencyDbContext>();

        var error = Assert.Throws<ArgumentException>(() => sender.Notify([me], "外部链接", url));

        Assert.Equal("url", error.ParamName);
        Assert.Empty(db.ChangeTracker.Entries<Notice>());
        await db.SaveChangesAsync();
        Assert.False(await db.Set<Notice>().AnyAsync(n => n.UserName == me));
    }

    [Fact]
    public async Task AStoredNonLocalUrlIsNeverFollowed()
    {
        // Defence in depth: a row written around the sender still cannot redirect off-site.
        var me = await CreateStaffAsync();
        long id;
        using (var scope = site.Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TransparencyDbContext>();
            var row = new Notice { UserName = me, Message = "旧数据", Url = "https://evil.example/", CreatedUtc = DateTime.UtcNow };
            db.Add(row);
            await db.SaveChangesAsync();
            id = row.Id;
        }

        using var client = await SignInAsync(me);
        var response = await client.PostFormAsync("/admin/notifications", $"/admin/notifications/{id}/open", []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/notifications", response.Headers.Location!.OriginalString);
        Assert.NotNull((await FindAsync(id)).ReadUtc);
    }

    [Fact]
    public async Task ALongMessageIsShortenedToFit()
    {
        var me = await CreateStaffAsync();
        var id = Assert.Single(await NotifyAsync([me], "退回理由：" + new string('长', 1200), null));

        var message = (await FindAsync(id)).Message;
        Assert.Equal(Notice.MessageMaxLength, message.Length);
        Assert.EndsWith("…", message);
    }

    [Fact]
    public async Task ANoticeIsSavedWithTheChangeItAnnouncesOrNotAtAll()
    {
        var me = await CreateStaffAsync();
        var message = $"回滚测试 {Guid.NewGuid():N}";
        using (var scope = site.Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TransparencyDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            scope.ServiceProvider.GetRequiredService<INotificationSender>().Notify([me], message, null);
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        using var check = site.Factory.Services.CreateScope();
        Assert.False(await check.ServiceProvider.GetRequiredService<TransparencyDbContext>().Set<Notice>().AnyAsync(n => n.Message == message));
    }

    [Fact]
    public async Task AnAnonymousVisitorIsSentToTheLoginPage()
    {
        using var client = site.Factory.CreateSiteClient();

        var page = await client.GetAsync("/admin/notifications");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/login", page.Headers.Location!.PathAndQuery);

        var open = await client.PostFormAsync("/account/login", "/admin/notifications/1/open", []);
        Assert.Equal(HttpStatusCode.Redirect, open.StatusCode);
        Assert.StartsWith("/account/login", open.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task APostWithoutAntiforgeryTokenIsRefused()
    {
        var me = await CreateStaffAsync();
        var id = Assert.Single(await NotifyAsync([me], "防伪测试", "/admin"));
        using var client = await SignInAsync(me);

        var open = await client.Http.PostAsync($"/admin/notifications/{id}/open", new FormUrlEncodedContent([]));
        var readAll = await client.Http.PostAsync("/admin/notifications/read-all", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, open.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, readAll.StatusCode);
        Assert.Null((await FindAsync(id)).ReadUtc);
    }

    [Fact]
    public async Task AUserWithoutThePermissionIsDeniedAndGetsNoHeaderLink()
    {
        using var client = site.Factory.CreateSiteClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync("representative", "Demo#Rep2020")).StatusCode);

        var page = await client.GetAsync("/admin/notifications");

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/denied", page.Headers.Location!.PathAndQuery);
        var denied = await client.GetAsync(page.Headers.Location!.PathAndQuery);
        Assert.DoesNotContain("href=\"/admin/notifications\"", await denied.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task EveryRoleWithBackOfficeAccessMayReadItsNotices()
    {
        foreach (var role in new[] { "Coordinator", "Drafter", "Reviewer", "Approver" })
        {
            var user = await CreateStaffAsync(role);
            using var client = await SignInAsync(user);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/notifications")).StatusCode);
        }
    }

    private async Task<string> CreateStaffAsync(string role = "Drafter")
    {
        var name = "notice-" + Guid.NewGuid().ToString("N")[..10];
        using var scope = site.Factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<TransparencyUser>>();
        var user = new TransparencyUser { UserName = name, DisplayName = "通知测试", Email = name + "@example.gov.cn", CreatedUtc = DateTime.UtcNow };
        var created = await users.CreateAsync(user, Password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        var added = await users.AddToRoleAsync(user, role);
        Assert.True(added.Succeeded, string.Join("; ", added.Errors.Select(e => e.Description)));
        return name;
    }

    private async Task<SiteClient> SignInAsync(string userName)
    {
        var client = site.Factory.CreateSiteClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(userName, Password)).StatusCode);
        return client;
    }

    /// <summary>Notifies as a module does (stage, then the caller saves) and returns the new notices' ids.</summary>
    private async Task<IReadOnlyList<long>> NotifyAsync(IEnumerable<string> userNames, string message, string? url)
    {
        using var scope = site.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TransparencyDbContext>();
        scope.ServiceProvider.GetRequiredService<INotificationSender>().Notify(userNames, message, url);
        await db.SaveChangesAsync();
        return db.ChangeTracker.Entries<Notice>().Select(e => e.Entity.Id).ToList();
    }

    private async Task<Notice> FindAsync(long id)
    {
        using var scope = site.Factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<TransparencyDbContext>().Set<Notice>().AsNoTracking().SingleAsync(n => n.Id == id);
    }

    private static List<string> OpenForms(string html) => OpenAction().Matches(html).Select(m => m.Groups[1].Value).ToList();

    [GeneratedRegex("action=\"/admin/notifications/(\\d+)/open\"")]
    private static partial Regex OpenAction();
}

public sealed class NotificationsSiteTestsOnSqlite(SqliteSite site) : NotificationsSiteTests<SqliteSite>(site);

public sealed class NotificationsSiteTestsOnPostgreSql(PostgreSqlSite site) : NotificationsSiteTests<PostgreSqlSite>(site);
