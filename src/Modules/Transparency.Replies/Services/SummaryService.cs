using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Transparency.Core.Audit;
using Transparency.Core.Proposals;
using Transparency.Core.Security;
using Transparency.Data;
using Transparency.Replies.Models;

namespace Transparency.Replies.Services;

/// <summary>A handling summary with its document and session, as the back office shows it.</summary>
public sealed record SummaryContext(HandlingSummary Summary, ReviewedDocument Document, SessionInfo Session)
{
    /// <summary>e.g. 市十六届人大三次会议办理工作总结.</summary>
    public string Heading => $"{Session.Name}办理工作总结";
}

/// <summary>A session and its summary, if one was drafted.</summary>
public sealed record SummaryRow(SessionInfo Session, HandlingSummary? Summary);

/// <summary>
/// 办理工作总结: one per session, drafted from the data (<see cref="SummaryFigures"/> through the template of
/// <see cref="SummaryTemplates"/>), edited, reviewed at the configured stages, approved and published like a reply
/// (without the Sent step). Summaries are bureau-wide: whoever may view replies sees them; drafting, editing and
/// submitting need <c>Summaries.Edit</c>; publishing and withdrawing need <c>Replies.Publish</c>; the review stages
/// are checked by <see cref="DocumentWorkflow"/>.
/// </summary>
public sealed class SummaryService(
    TransparencyDbContext db,
    DocumentWorkflow workflow,
    SummaryFigures figures,
    SummaryTemplates templates,
    IProposalDirectory proposals,
    IPermissionService permissions,
    IAuditTrail audit)
{
    public DocumentWorkflow Workflow => workflow;

    public SummaryFigures Figures => figures;

    /// <summary>Every session, newest first, with its summary (and document) when there is one.</summary>
    public async Task<IReadOnlyList<SummaryRow>> ListAsync()
    {
        var summaries = await db.Set<HandlingSummary>().AsNoTracking().Include(s => s.Document).ToListAsync();
        var bySession = summaries.ToDictionary(s => s.SessionId);
        var sessions = await proposals.SessionsAsync();
        var rows = sessions.Select(s => new SummaryRow(s, bySession.GetValueOrDefault(s.Id))).ToList();

        // A summary whose session is gone still shows.
        rows.AddRange(summaries.Where(s => sessions.All(x => x.Id != s.SessionId)).Select(s => new SummaryRow(Orphan(s), s)));
        return rows;
    }

    /// <summary>The summary, tracked; <see cref="DocumentNotFoundException"/> when there is none.</summary>
    public async Task<SummaryContext> GetAsync(int summaryId)
    {
        var summary = await db.Set<HandlingSummary>().Include(s => s.Document).FirstOrDefaultAsync(s => s.Id == summaryId)
            ?? throw new DocumentNotFoundException();
        var session = (await proposals.SessionsAsync()).FirstOrDefault(s => s.Id == summary.SessionId) ?? Orphan(summary);
        return new SummaryContext(summary, summary.Document, session);
    }

    /// <summary>The summary of a session, if one was drafted (not tracked).</summary>
    public Task<HandlingSummary?> ForSessionAsync(int sessionId)
        => db.Set<HandlingSummary>().AsNoTracking().Include(s => s.Document).FirstOrDefaultAsync(s => s.SessionId == sessionId);

    /// <summary>“根据数据起草” for a user: needs <c>Summaries.Edit</c>.</summary>
    public async Task<HandlingSummary> DraftFromDataAsync(int sessionId, ClaimsPrincipal user)
    {
        await RequireAsync(user, RepliesPermissions.EditSummaries);
        return await DraftAsync(sessionId, null, DocumentWorkflow.Name(user));
    }

    /// <summary>
    /// “根据数据起草” without permission checks (recipes run as the system): the session's figures through the summary
    /// template become the first draft. Refused when the session already has a summary.
    /// </summary>
    public Task<HandlingSummary> DraftFromDataAsync(int sessionId, string actor) => DraftAsync(sessionId, null, actor);

    /// <summary>
    /// Creates the session's summary with <paramref name="content"/> as its first draft, or with the text drafted from
    /// the data when it is null (no permission checks: for recipes and for <see cref="DraftFromDataAsync(int, ClaimsPrincipal)"/>).
    /// Joins the caller's transaction when there is one. <see cref="DocumentRuleException"/> when the session already
    /// has a summary; <see cref="DocumentNotFoundException"/> when there is no such session.
    /// </summary>
    public async Task<HandlingSummary> DraftAsync(int sessionId, DocumentContent? content, string actor)
    {
        var session = (await proposals.SessionsAsync()).FirstOrDefault(s => s.Id == sessionId) ?? throw new DocumentNotFoundException();
        if (await db.Set<HandlingSummary>().AnyAsync(s => s.SessionId == sessionId))
        {
            throw Duplicate(session);
        }

        string how;
        if (content is null)
        {
            var f = await figures.ForSessionAsync(sessionId);
            content = new DocumentContent(TitleOf(session, await templates.OrganizationAsync()), await templates.RenderAsync(f), null, null);
            how = $"根据数据起草{session.Name}办理工作总结（承办{f.Total}件，主办{f.Lead}件，协办{f.Co}件）";
        }
        else
        {
            content = content with { Outcome = null };
            how = $"起草{session.Name}办理工作总结";
        }

        await using var transaction = await UnitOfWork.BeginAsync(db);
        var document = workflow.Create(DocumentKind.Summary, null, content, actor);
        var summary = new HandlingSummary { Document = document, SessionId = session.Id, Year = session.Year };
        db.Add(summary);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException exception) when (IsUniqueViolation(exception))
        {
            // Someone drafted the same session's summary at the same moment: the unique index keeps one.
            db.ChangeTracker.Clear();
            throw Duplicate(session);
        }

        audit.Record(new AuditEntry("Summaries", "Drafted", ReviewedDocument.SubjectId(document.Id), how, actor));
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return summary;
    }

    /// <summary>The customary title: 市城市管理局2020年人大代表建议办理工作总结 (政协提案 for a CPPCC session).</summary>
    public static string TitleOf(SessionInfo session, string organization)
        => $"{organization}{session.Year}年{(session.IsCppcc ? "政协提案" : "人大代表建议")}办理工作总结";

    /// <summary>Saves the editor's content into the latest draft (summaries have no outcome); needs <c>Summaries.Edit</c>.</summary>
    public async Task<DocumentVersion> SaveAsync(SummaryContext context, EditBase basedOn, DocumentContent content, ClaimsPrincipal user)
    {
        await RequireAsync(user, RepliesPermissions.EditSummaries);
        return await workflow.SaveDraftAsync(context.Document, basedOn, content with { Outcome = null }, DocumentWorkflow.Name(user));
    }

    /// <summary>Submits the latest draft to the first review stage; needs <c>Summaries.Edit</c>.</summary>
    public async Task SubmitAsync(SummaryContext context, ClaimsPrincipal user, string? comment)
    {
        await RequireAsync(user, RepliesPermissions.EditSummaries);
        await workflow.SubmitAsync(context.Document, user, comment);
    }

    /// <summary>Makes an old version the new draft; needs <c>Summaries.Edit</c>.</summary>
    public async Task RestoreAsync(SummaryContext context, int number, ClaimsPrincipal user)
    {
        await RequireAsync(user, RepliesPermissions.EditSummaries);
        await workflow.RestoreAsync(context.Document, number, DocumentWorkflow.Name(user));
    }

    /// <summary>Approves at the current stage (the workflow checks the stage's permission).</summary>
    public Task ApproveAsync(SummaryContext context, ClaimsPrincipal user, string? comment)
        => workflow.ApproveAsync(context.Document, user, comment);

    /// <summary>Returns to the drafters with a mandatory comment (the workflow checks the stage's permission).</summary>
    public Task ReturnAsync(SummaryContext context, ClaimsPrincipal user, string? comment)
        => workflow.ReturnAsync(context.Document, user, comment, context.Heading, $"/admin/summaries/{context.Summary.Id}/edit");

    /// <summary>Publishes the approved summary with the personal-data decisions; needs <c>Replies.Publish</c>.</summary>
    public async Task<DocumentVersion> PublishAsync(
        SummaryContext context, IReadOnlyCollection<string> redact, IReadOnlyCollection<string> confirm, ClaimsPrincipal user, string? comment)
    {
        await RequireAsync(user, RepliesPermissions.Publish);
        return await workflow.PublishAsync(context.Document, redact, confirm, user, comment);
    }

    /// <summary>撤回公开 with a mandatory reason; needs <c>Replies.Publish</c>.</summary>
    public async Task WithdrawAsync(SummaryContext context, string? reason, ClaimsPrincipal user)
    {
        await RequireAsync(user, RepliesPermissions.Publish);
        await workflow.WithdrawAsync(context.Document, reason, user);
    }

    /// <summary>The summaries waiting for the user (to review at their stage, to publish, to amend).</summary>
    public async Task<IReadOnlyList<(HandlingSummary Summary, string Task)>> InboxAsync(ClaimsPrincipal user)
    {
        var mayEdit = await permissions.HasPermissionAsync(user, RepliesPermissions.EditSummaries);
        var mayPublish = await permissions.HasPermissionAsync(user, RepliesPermissions.Publish);
        var open = new[] { DocumentStatus.Draft, DocumentStatus.Returned, DocumentStatus.InReview, DocumentStatus.AwaitingApproval, DocumentStatus.Approved };
        var summaries = await db.Set<HandlingSummary>().AsNoTracking().Include(s => s.Document)
            .Where(s => open.Contains(s.Document.Status))
            .OrderBy(s => s.Document.UpdatedUtc).ToListAsync();
        var stages = await workflow.StagesAsync();
        var rows = new List<(HandlingSummary, string)>();
        foreach (var summary in summaries)
        {
            var d = summary.Document;
            var task = d.Status switch
            {
                DocumentStatus.Draft when mayEdit => "起草中，待提交审核",
                DocumentStatus.Returned when mayEdit => "已退回，待修改后重新提交",
                DocumentStatus.InReview or DocumentStatus.AwaitingApproval when await workflow.CanReviewAsync(d, user)
                    => $"待{stages[Math.Min(d.StageIndex ?? 0, stages.Count - 1)].Name}",
                DocumentStatus.Approved when mayPublish => "已审定，待公开",
                _ => null,
            };
            if (task is not null)
            {
                rows.Add((summary, task));
            }
        }

        return rows;
    }

    public Task<bool> HasAsync(ClaimsPrincipal user, string permission) => permissions.HasPermissionAsync(user, permission);

    public async Task RequireAsync(ClaimsPrincipal user, string permission)
    {
        if (!await permissions.HasPermissionAsync(user, permission))
        {
            throw new UnauthorizedAccessException($"此项操作需要“{permission}”权限。");
        }
    }

    private static DocumentRuleException Duplicate(SessionInfo session)
        => new($"{session.Name}已有办理工作总结，每个届次只有一份总结；请打开已有的总结修改。", "SessionId");

    private static SessionInfo Orphan(HandlingSummary summary) => new(summary.SessionId, $"{summary.Year}年", summary.Year, false);

    private static bool IsUniqueViolation(DbUpdateException exception)
        => exception.InnerException?.Message is { } message
            && (message.Contains("UNIQUE", StringComparison.OrdinalIgnoreCase) || message.Contains("23505", StringComparison.Ordinal));
}
