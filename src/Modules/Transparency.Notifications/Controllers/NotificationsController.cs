using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Transparency.Core.Hosting;
using Transparency.Core.Security;
using Transparency.Data;
using Transparency.Notifications.Services;
using Transparency.Notifications.ViewModels;

namespace Transparency.Notifications.Controllers;

/// <summary>The signed-in user's own notices. Every query goes through <see cref="NotificationInbox.Own"/>: another user's notice is a 404.</summary>
[Admin]
[Route("admin/notifications")]
[RequirePermission(NotificationsPermissions.View)]
public sealed class NotificationsController(TransparencyDbContext db, NotificationInbox inbox, TimeProvider clock) : Controller
{
    public const int PageSize = 20;

    private string Me => User.Identity?.Name ?? "";

    [HttpGet("")]
    public async Task<IActionResult> Index(int page = 1)
    {
        page = Math.Clamp(page, 1, 100_000);
        var ct = HttpContext.RequestAborted;
        var notices = await inbox.Own(Me).AsNoTracking()
            .OrderByDescending(n => n.CreatedUtc).ThenByDescending(n => n.Id)
            .Skip((page - 1) * PageSize)
            .Take(PageSize + 1)
            .ToListAsync(ct);
        return View(new NotificationsPageViewModel
        {
            Notices = notices.Take(PageSize).ToList(),
            Page = page,
            HasMore = notices.Count > PageSize,
            UnreadCount = await inbox.UnreadCountAsync(Me, ct),
        });
    }

    /// <summary>Marks the notice read and follows its link (only ever a local path).</summary>
    [HttpPost("{id:long}/open")]
    public async Task<IActionResult> Open(long id)
    {
        var notice = await inbox.Own(Me).FirstOrDefaultAsync(n => n.Id == id, HttpContext.RequestAborted);
        if (notice is null)
        {
            return NotFound();
        }

        if (notice.ReadUtc is null)
        {
            notice.ReadUtc = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(HttpContext.RequestAborted);
        }

        return notice.Url is { } url && LocalPath.IsLocal(url) && Url.IsLocalUrl(url)
            ? LocalRedirect(url)
            : RedirectToAction(nameof(Index));
    }

    [HttpPost("read-all")]
    public async Task<IActionResult> ReadAll()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var count = await inbox.Own(Me).Where(n => n.ReadUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadUtc, (DateTime?)now), HttpContext.RequestAborted);
        TempData["Message"] = count == 0 ? "没有未读通知。" : "已全部标为已读。";
        return RedirectToAction(nameof(Index));
    }
}
