using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Transparency.Core.Proposals;
using Transparency.Core.Security;
using Transparency.Core.Units;
using Transparency.Data;
using Transparency.Replies.Models;
using Transparency.Replies.ViewModels;

namespace Transparency.Replies.Services;

/// <summary>Lists of replies for the back office: the reply list and the per-user inbox (待办), both unit-scoped.</summary>
public sealed class ReplyQueries(
    TransparencyDbContext db,
    DocumentWorkflow workflow,
    IProposalDirectory proposals,
    IPermissionService permissions,
    IUserUnits userUnits,
    IUnitDirectory units)
{
    /// <summary>The replies whose proposals the user sees, newest first, optionally by status and a text in number or title.</summary>
    public async Task<IReadOnlyList<ReplyRow>> ListAsync(ClaimsPrincipal user, DocumentStatus? status, string? query)
    {
        var replies = await db.Set<Reply>().AsNoTracking().Include(r => r.Document)
            .Where(r => status == null || r.Document.Status == status)
            .OrderByDescending(r => r.Document.UpdatedUtc).Take(2000).ToListAsync();
        var rows = await RowsAsync(user, replies, _ => Task.FromResult<string?>(null));
        var q = query?.Trim();
        return string.IsNullOrEmpty(q) ? rows : rows.Where(r => r.ProposalNumber.Contains(q, StringComparison.Ordinal) || r.ProposalTitle.Contains(q, StringComparison.Ordinal)).ToList();
    }

    /// <summary>What waits for the user: reviews at their stage, their unit's drafts and returned replies, sending and publication.</summary>
    public async Task<IReadOnlyList<ReplyRow>> InboxAsync(ClaimsPrincipal user)
    {
        var mayDraft = await permissions.HasPermissionAsync(user, RepliesPermissions.Draft);
        var maySend = await permissions.HasPermissionAsync(user, RepliesPermissions.Send);
        var mayPublish = await permissions.HasPermissionAsync(user, RepliesPermissions.Publish);
        var mine = user.FindFirstValue(ClaimTypes.NameIdentifier) is { } id ? await userUnits.GetUnitIdsAsync(id) : [];
        var open = new[] { DocumentStatus.Draft, DocumentStatus.Returned, DocumentStatus.InReview, DocumentStatus.AwaitingApproval, DocumentStatus.Approved, DocumentStatus.Sent };
        var replies = await db.Set<Reply>().AsNoTracking().Include(r => r.Document)
            .Where(r => open.Contains(r.Document.Status))
            .OrderBy(r => r.Document.UpdatedUtc).ToListAsync();
        var stages = await workflow.StagesAsync();
        return (await RowsAsync(user, replies, async r =>
        {
            var d = r.Document;
            return d.Status switch
            {
                DocumentStatus.Draft when mayDraft && mine.Contains(r.UnitId) => "起草中，待提交审核",
                DocumentStatus.Returned when mayDraft && mine.Contains(r.UnitId) => "已退回，待修改后重新提交",
                DocumentStatus.InReview or DocumentStatus.AwaitingApproval when await workflow.CanReviewAsync(d, user)
                    => $"待{stages[Math.Min(d.StageIndex ?? 0, stages.Count - 1)].Name}",
                DocumentStatus.Approved when maySend => "已审定，待登记送达",
                DocumentStatus.Sent when mayPublish => "已送达，待公开或决定不予公开",
                _ => null,
            };
        })).Where(r => r.Task is not null).ToList();
    }

    private async Task<IReadOnlyList<ReplyRow>> RowsAsync(ClaimsPrincipal user, IReadOnlyList<Reply> replies, Func<Reply, Task<string?>> task)
    {
        var visible = await proposals.VisibleIdsAsync(replies.Select(r => r.ProposalId), user);
        var shown = replies.Where(r => visible.Contains(r.ProposalId)).ToList();
        var info = (await proposals.FindAsync(shown.Select(r => r.ProposalId))).ToDictionary(p => p.Id);
        var names = (await units.FindAsync(shown.Select(r => r.UnitId).Distinct())).ToDictionary(u => u.Id, u => u.Name);
        var rows = new List<ReplyRow>(shown.Count);
        foreach (var reply in shown)
        {
            var p = info[reply.ProposalId];
            rows.Add(new ReplyRow(reply, p.Number, p.Title, p.Session.Name, names.GetValueOrDefault(reply.UnitId, ""), await task(reply)));
        }

        return rows;
    }
}
