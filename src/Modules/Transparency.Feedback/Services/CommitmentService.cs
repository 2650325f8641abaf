using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Transparency.Core.Audit;
using Transparency.Core.Feedback;
using Transparency.Core.Search;
using Transparency.Core.Units;
using Transparency.Data;
using Transparency.Feedback.Models;

namespace Transparency.Feedback.Services;

/// <summary>
/// 承诺事项: a B-class reply's promises. The replying unit's staff (or the coordinator) list them with a due date and a
/// responsible unit; the responsible unit (or the coordinator) marks each kept with its evidence. Open ones past their
/// date are overdue.
/// </summary>
public sealed class CommitmentService(
    TransparencyDbContext db,
    IReplyDirectory replies,
    IUnitDirectory units,
    FeedbackAccess access,
    IContentChangeLog contentChanges,
    IAuditTrail audit,
    TimeProvider clock)
{
    public static CommitmentState StateOf(Commitment commitment, DateOnly today)
        => commitment.DoneOn is not null ? CommitmentState.Kept : commitment.DueOn < today ? CommitmentState.Overdue : CommitmentState.Pending;

    public async Task<IReadOnlyList<Commitment>> ForProposalAsync(int proposalId)
        => await db.Set<Commitment>().AsNoTracking().Where(c => c.ProposalId == proposalId).OrderBy(c => c.DueOn).ThenBy(c => c.Id).ToListAsync();

    /// <summary>Open commitments past their due date among the proposals the user sees, oldest first (the dashboard's flag).</summary>
    public async Task<IReadOnlyList<Commitment>> OverdueAsync(IReadOnlySet<int> visibleProposalIds)
    {
        var today = FeedbackText.Today(clock);
        var overdue = await db.Set<Commitment>().AsNoTracking().Where(c => c.DoneOn == null && c.DueOn < today)
            .OrderBy(c => c.DueOn).ThenBy(c => c.Id).ToListAsync();
        return overdue.Where(c => visibleProposalIds.Contains(c.ProposalId)).ToList();
    }

    /// <summary>Lists a commitment of a B-class reply (Feedback.Commitments and a member of the replying unit, or Feedback.Manage).</summary>
    public async Task<Commitment> AddAsync(int replyId, string? text, DateOnly? dueOn, int? unitId, ClaimsPrincipal user)
    {
        await access.RequireAsync(user, FeedbackPermissions.Commitments);
        var reply = await replies.FindAsync(replyId) ?? throw new FeedbackNotFoundException();
        var proposal = await access.VisibleProposalAsync(reply.ProposalId, user);
        if (!await access.HasAsync(user, FeedbackPermissions.Manage) && !(await access.UnitsOfAsync(user)).Contains(reply.UnitId))
        {
            throw new UnauthorizedAccessException($"只有{reply.UnitName}的工作人员或督办员可以登记该答复的承诺事项。");
        }

        if (reply.Outcome != "B")
        {
            throw new FeedbackRuleException("只有B类答复（正在解决或列入计划）可以登记承诺事项。");
        }

        var what = text?.Trim();
        if (string.IsNullOrEmpty(what))
        {
            throw new FeedbackRuleException("请填写承诺事项的内容。", "Text");
        }

        if (what.Length > FeedbackModel.MaxCommitment)
        {
            throw new FeedbackRuleException($"承诺事项不能超过{FeedbackModel.MaxCommitment}个字。", "Text");
        }

        if (dueOn is not { } due)
        {
            throw new FeedbackRuleException("请填写承诺完成时限。", "DueOn");
        }

        var unit = unitId ?? reply.UnitId;
        if (await units.FindAsync([unit]) is not [var responsible, ..])
        {
            throw new FeedbackRuleException("请选择责任单位。", "UnitId");
        }

        var commitment = new Commitment
        {
            ReplyId = reply.Id,
            ProposalId = proposal.Id,
            Text = what,
            DueOn = due,
            UnitId = responsible.Id,
            CreatedBy = FeedbackAccess.Name(user),
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(commitment);
        audit.Record(new AuditEntry("Feedback", "CommitmentAdded", $"proposal:{proposal.Id}",
            $"第{proposal.Number}号答复承诺事项：{what}（{responsible.Name}，{due:yyyy-MM-dd}前）"));
        Stage(reply.Id);
        await db.SaveChangesAsync();
        return commitment;
    }

    /// <summary>Marks a commitment kept with its evidence (Feedback.Commitments and a member of the responsible unit, or Feedback.Manage).</summary>
    public async Task MarkDoneAsync(int commitmentId, DateOnly? doneOn, string? evidence, ClaimsPrincipal user)
    {
        await access.RequireAsync(user, FeedbackPermissions.Commitments);
        var commitment = await db.Set<Commitment>().FirstOrDefaultAsync(c => c.Id == commitmentId) ?? throw new FeedbackNotFoundException();
        var proposal = await access.VisibleProposalAsync(commitment.ProposalId, user);
        if (!await access.HasAsync(user, FeedbackPermissions.Manage) && !(await access.UnitsOfAsync(user)).Contains(commitment.UnitId))
        {
            throw new UnauthorizedAccessException("只有责任单位的工作人员或督办员可以标记该承诺事项已兑现。");
        }

        if (commitment.DoneOn is not null)
        {
            throw new FeedbackRuleException("该承诺事项已标记为已兑现。");
        }

        if (doneOn is not { } date)
        {
            throw new FeedbackRuleException("请填写兑现日期。", "DoneOn");
        }

        if (date > FeedbackText.Today(clock))
        {
            throw new FeedbackRuleException("兑现日期不能晚于今天。", "DoneOn");
        }

        var proof = evidence?.Trim();
        if (string.IsNullOrEmpty(proof))
        {
            throw new FeedbackRuleException("请填写兑现情况和佐证（如文件文号、完成情况说明）。", "Evidence");
        }

        if (proof.Length > FeedbackModel.MaxEvidence)
        {
            throw new FeedbackRuleException($"兑现情况不能超过{FeedbackModel.MaxEvidence}个字。", "Evidence");
        }

        commitment.DoneOn = date;
        commitment.Evidence = proof;
        commitment.DoneBy = FeedbackAccess.Name(user);
        audit.Record(new AuditEntry("Feedback", "CommitmentKept", $"proposal:{proposal.Id}",
            $"第{proposal.Number}号答复承诺事项已兑现（{date:yyyy-MM-dd}）：{commitment.Text}")
        {
            FromState = commitment.DueOn < date ? "Overdue" : "Pending",
            ToState = "Kept",
            Comment = proof,
        });
        Stage(commitment.ReplyId);
        await db.SaveChangesAsync();
    }

    private void Stage(int replyId)
        => contentChanges.Stage(PublicContentTypes.Reply, replyId.ToString(System.Globalization.CultureInfo.InvariantCulture), ContentChangeKind.Update);
}
