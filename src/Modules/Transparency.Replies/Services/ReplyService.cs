using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Transparency.Core.Audit;
using Transparency.Core.Feedback;
using Transparency.Core.Proposals;
using Transparency.Core.Security;
using Transparency.Core.Units;
using Transparency.Data;
using Transparency.Replies.Models;

namespace Transparency.Replies.Services;

/// <summary>A reply with its document and the proposal it answers, as the back office shows it.</summary>
public sealed record ReplyContext(Reply Reply, ReviewedDocument Document, ProposalInfo Proposal, string UnitName);

/// <summary>Reply metadata edited with the draft (not versioned): 文号, contact person and telephone.</summary>
public sealed record ReplyLetterFields(string? DocumentNumber, string? ContactPerson, string? ContactPhone);

/// <summary>
/// Replies to proposals: who may see one (whoever sees the proposal, through <see cref="IProposalDirectory"/>), who may
/// draft it (<c>Replies.Draft</c> and a member of the replying unit), and the reply-only steps: start, send.
/// </summary>
public sealed class ReplyService(
    TransparencyDbContext db,
    DocumentWorkflow workflow,
    IProposalDirectory proposals,
    IPermissionService permissions,
    IUserUnits userUnits,
    IUnitDirectory units,
    IAuditTrail audit,
    IHandlingRounds rounds,
    IEnumerable<IReplySentObserver> sentObservers,
    ReplyEvents replyEvents,
    TimeProvider clock)
{
    public DocumentWorkflow Workflow => workflow;

    /// <summary>The reply, tracked, if its proposal is visible to the user; <see cref="DocumentNotFoundException"/> otherwise.</summary>
    public async Task<ReplyContext> GetAsync(int replyId, ClaimsPrincipal user)
    {
        var reply = await db.Set<Reply>().Include(r => r.Document).FirstOrDefaultAsync(r => r.Id == replyId)
            ?? throw new DocumentNotFoundException();
        var proposal = await proposals.FindVisibleAsync(reply.ProposalId, user) ?? throw new DocumentNotFoundException();
        return new ReplyContext(reply, reply.Document, proposal, await UnitNameAsync(reply.UnitId));
    }

    /// <summary>The replies of a proposal the user sees, first round first.</summary>
    public async Task<IReadOnlyList<Reply>> ForProposalAsync(int proposalId, ClaimsPrincipal user)
    {
        if (await proposals.FindVisibleAsync(proposalId, user) is null)
        {
            throw new DocumentNotFoundException();
        }

        return await db.Set<Reply>().AsNoTracking().Include(r => r.Document)
            .Where(r => r.ProposalId == proposalId).OrderBy(r => r.Round).ThenBy(r => r.Id).ToListAsync();
    }

    /// <summary>
    /// Starts the reply of the user's lead (or split) unit to a proposal: a first draft titled by the customary form.
    /// When the unit already has a reply in the current round, that one is returned instead. In a re-handling round
    /// (重新办理, opened by a dissatisfied rating) a new reply of that round is started, which goes through drafting,
    /// review and approval like the first one.
    /// </summary>
    public async Task<Reply> StartAsync(int proposalId, ClaimsPrincipal user)
    {
        await RequireAsync(user, RepliesPermissions.Draft);
        var proposal = await proposals.FindVisibleAsync(proposalId, user) ?? throw new DocumentNotFoundException();
        var mine = await UnitsOfAsync(user);
        var assignment = proposal.Assignments.FirstOrDefault(a => a.Part != HandlingPart.Co && mine.Contains(a.UnitId))
            ?? throw new UnauthorizedAccessException("本单位不是该件建议提案的主办或分办单位，不能起草答复。");
        if (assignment.IsReturned)
        {
            throw new DocumentRuleException("本单位已申请退办，等待改办，不能起草答复。");
        }

        if (proposal.Status is "Withdrawn" or "Merged" or "Registered")
        {
            throw new DocumentRuleException("该件建议提案当前不在办理中，不能起草答复。");
        }

        var round = await rounds.CurrentAsync(proposalId);
        var existing = await db.Set<Reply>().Where(r => r.ProposalId == proposalId && r.UnitId == assignment.UnitId)
            .OrderByDescending(r => r.Round).FirstOrDefaultAsync();
        if (existing is not null && (existing.Round >= round.Number || proposal.Status != "Rehandling"))
        {
            return existing;
        }

        var actor = DocumentWorkflow.Name(user);
        var title = round.Number > 1 ? $"{TitleOf(proposal)}（重新办理）" : TitleOf(proposal);
        var document = workflow.Create(DocumentKind.Reply, assignment.UnitId, new DocumentContent(title, "", "", null), actor);
        var reply = new Reply { Document = document, ProposalId = proposalId, AssignmentId = assignment.Id, UnitId = assignment.UnitId, Round = round.Number };
        db.Add(reply);
        await proposals.MarkInProgressAsync(proposalId, user);
        var what = round.Number > 1 ? $"第{round.Number}轮（重新办理）答复" : "答复";
        audit.Record(new AuditEntry("Replies", "Started", $"proposal:{proposalId}",
            $"{await UnitNameAsync(assignment.UnitId)}开始起草第{proposal.Number}号{proposal.KindName}的{what}", actor));
        await db.SaveChangesAsync();
        return reply;
    }

    /// <summary>The customary title: 关于市十六届人大三次会议第0012号建议的答复.</summary>
    public static string TitleOf(ProposalInfo proposal) => $"关于{proposal.Session.Name}第{proposal.Number}号{proposal.KindName}的答复";

    /// <summary>Saves the draft and the letter fields; only the replying unit's drafters.</summary>
    public async Task<DocumentVersion> SaveAsync(ReplyContext context, EditBase basedOn, DocumentContent content, ReplyLetterFields fields, ClaimsPrincipal user)
    {
        await RequireDrafterAsync(context, user);
        context.Reply.DocumentNumber = Limit(fields.DocumentNumber, 100, "文号", "DocumentNumber");
        context.Reply.ContactPerson = Limit(fields.ContactPerson, 50, "联系人", "ContactPerson");
        context.Reply.ContactPhone = Limit(fields.ContactPhone, 50, "联系电话", "ContactPhone");
        return await workflow.SaveDraftAsync(context.Document, basedOn, content, DocumentWorkflow.Name(user));
    }

    /// <summary>Submits the draft for review; only the replying unit's drafters.</summary>
    public async Task SubmitAsync(ReplyContext context, ClaimsPrincipal user, string? comment)
    {
        await RequireDrafterAsync(context, user);
        await workflow.SubmitAsync(context.Document, user, comment);
    }

    /// <summary>Restores an old version as the new draft; only the replying unit's drafters.</summary>
    public async Task RestoreAsync(ReplyContext context, int number, ClaimsPrincipal user)
    {
        await RequireDrafterAsync(context, user);
        await workflow.RestoreAsync(context.Document, number, DocumentWorkflow.Name(user));
    }

    /// <summary>
    /// 送达: records the date and channel on which the approved reply reached the representatives; that date decides
    /// whether it was on time. The proposal becomes Replied.
    /// </summary>
    public async Task SendAsync(ReplyContext context, DateOnly? sentOn, SendChannel? channel, ClaimsPrincipal user)
    {
        await RequireAsync(user, RepliesPermissions.Send);
        var document = context.Document;
        if (document.Status != DocumentStatus.Approved)
        {
            throw new DocumentRuleException($"当前状态为“{StatusText.Of(document.Status)}”，答复须审定后才能登记送达。");
        }

        if (sentOn is not { } date)
        {
            throw new DocumentRuleException("请填写送达日期。", "SentOn");
        }

        if (channel is not { } how || !Enum.IsDefined(how))
        {
            throw new DocumentRuleException("请选择送达方式。", "Channel");
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);
        if (date > today)
        {
            throw new DocumentRuleException("送达日期不能晚于今天。", "SentOn");
        }

        var assignment = context.Proposal.Assignments.FirstOrDefault(a => a.Id == context.Reply.AssignmentId);
        if (assignment is not null && date < assignment.AssignedOn)
        {
            throw new DocumentRuleException("送达日期不能早于交办日期。", "SentOn");
        }

        // A re-handling round has its own deadline (Session.RehandlingMonths from the dissatisfied rating).
        var round = context.Reply.Round > 1 ? await rounds.CurrentAsync(context.Proposal.Id) : null;
        var dueOn = round is { DueOn: { } roundDue } && round.Number == context.Reply.Round ? roundDue : assignment?.DueOn;
        var actor = DocumentWorkflow.Name(user);
        context.Reply.SentOn = date;
        context.Reply.SentChannel = how;
        context.Reply.SentBy = actor;
        context.Reply.DueOn = dueOn;
        var onTime = dueOn is not { } due ? "" : date <= due ? "，按期办复" : $"，超过办理期限（{due:yyyy-MM-dd}）";
        var from = document.Status;
        document.Status = DocumentStatus.Sent;
        document.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        workflow.Decide(document, document.LatestVersion, DecisionAction.Sent, null, actor, $"{date:yyyy-MM-dd} {StatusText.Of(how)}");
        workflow.Audit(document, "Sent", from, $"第{context.Proposal.Number}号答复于{date:yyyy年M月d日}{StatusText.Of(how)}送达{onTime}", null, actor);
        await proposals.MarkRepliedAsync(context.Proposal.Id, user, $"答复已送达（{date:yyyy-MM-dd}）");
        var notice = new SentReplyNotice(context.Reply.Id, context.Proposal.Id, context.Reply.Round, context.Reply.UnitId, date, actor);
        foreach (var observer in sentObservers)
        {
            await observer.ReplySentAsync(notice);
        }

        await replyEvents.StageAsync(document, Core.Workflows.WorkflowEventNames.ReplySent, actor, ("sentOn", date), ("channel", StatusText.Of(how)));

        await db.SaveChangesAsync();
    }

    /// <summary>True when the user may draft this reply: Replies.Draft and a member of the replying unit.</summary>
    public async Task<bool> IsDrafterAsync(ReplyContext context, ClaimsPrincipal user)
        => await permissions.HasPermissionAsync(user, RepliesPermissions.Draft) && (await UnitsOfAsync(user)).Contains(context.Reply.UnitId);

    public async Task RequireDrafterAsync(ReplyContext context, ClaimsPrincipal user)
    {
        await RequireAsync(user, RepliesPermissions.Draft);
        if (!(await UnitsOfAsync(user)).Contains(context.Reply.UnitId))
        {
            throw new UnauthorizedAccessException($"您不是{context.UnitName}的工作人员，不能起草或修改该答复。");
        }
    }

    public async Task RequireAsync(ClaimsPrincipal user, string permission)
    {
        if (!await permissions.HasPermissionAsync(user, permission))
        {
            throw new UnauthorizedAccessException($"此项操作需要“{permission}”权限。");
        }
    }

    public Task<bool> HasAsync(ClaimsPrincipal user, string permission) => permissions.HasPermissionAsync(user, permission);

    public async Task<string> UnitNameAsync(int unitId) => await units.FindAsync([unitId]) is [var unit, ..] ? unit.Name : $"#{unitId}";

    private async Task<IReadOnlyList<int>> UnitsOfAsync(ClaimsPrincipal user)
        => user.FindFirstValue(ClaimTypes.NameIdentifier) is { } id ? await userUnits.GetUnitIdsAsync(id) : [];

    private static string? Limit(string? value, int max, string label, string field)
    {
        var text = value?.Trim();
        if (text is { Length: > 0 } && text.Length > max)
        {
            throw new DocumentRuleException($"{label}不能超过{max}个字符。", field);
        }

        return string.IsNullOrEmpty(text) ? null : text;
    }
}
