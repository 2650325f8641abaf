using System.Security.Claims;
using Transparency.Core.Audit;
using Transparency.Core.Calendar;
using Transparency.Data;
using Transparency.Proposals.Models;

namespace Transparency.Proposals.Services;

/// <summary>
/// 退办 and 改办: a unit returns an assignment outside its remit within 7 working days of assignment; the
/// coordinator gives it to another unit, whose clock starts on the day of reassignment.
/// </summary>
public sealed class ReturnService(
    TransparencyDbContext db,
    HandlingAccess access,
    AssignmentService assignments,
    IWorkingDayCalendar calendar,
    IAuditTrail audit,
    TimeProvider clock)
{
    public const int ReturnWindowWorkingDays = 7;
    public const int MaxReason = 1000;

    /// <summary>The last day on which the assignment may be returned.</summary>
    public Task<DateOnly> ReturnDeadlineAsync(Assignment assignment)
        => calendar.AddWorkingDaysAsync(assignment.AssignedOn, ReturnWindowWorkingDays);

    /// <summary>True when today (in China) is within the return window of the assignment.</summary>
    public async Task<bool> WithinReturnWindowAsync(Assignment assignment)
        => await calendar.CountWorkingDaysAsync(assignment.AssignedOn, clock.Today()) <= ReturnWindowWorkingDays;

    /// <summary>退办 (Proposals.Handle, member of the unit): the assignment becomes Returned, awaiting 改办.</summary>
    public async Task<Assignment> ReturnAsync(int assignmentId, string? reason, ClaimsPrincipal user)
    {
        await access.RequireAsync(user, ProposalsPermissions.Handle);
        var (proposal, assignment) = await access.AssignmentAsync(assignmentId, user);
        await access.RequireUnitAsync(user, assignment.UnitId);
        HandlingAccess.RequireActive(proposal, assignment, "退办");
        var today = clock.Today();
        var elapsed = await calendar.CountWorkingDaysAsync(assignment.AssignedOn, today);
        if (elapsed > ReturnWindowWorkingDays)
        {
            throw new ProposalRuleException(
                $"退办须在交办之日起{ReturnWindowWorkingDays}个工作日内提出。本项于{ChinaDate.Format(assignment.AssignedOn)}交办，至今已过{elapsed}个工作日，不能退办；确需调整的，请与督办员（局办公室）联系。",
                "Reason");
        }

        var text = reason?.Trim() ?? "";
        if (text.Length == 0)
        {
            throw new ProposalRuleException("请填写退办理由，说明该件不属于本单位职责范围的依据。", "Reason");
        }

        if (text.Length > MaxReason)
        {
            throw new ProposalRuleException($"退办理由不能超过{MaxReason}个字符。", "Reason");
        }

        assignment.Status = AssignmentStatus.Returned;
        assignment.ReturnReason = text;
        assignment.ReturnedOn = today;
        var unit = await access.UnitNameAsync(assignment.UnitId);
        audit.Record(new AuditEntry("Proposals", "Returned", Proposal.SubjectId(proposal.Id),
            $"第{proposal.Number}号 {unit}（{ProposalText.Of(assignment.Role)}）退办，待督办员改办")
        {
            FromState = nameof(AssignmentStatus.Active),
            ToState = nameof(AssignmentStatus.Returned),
            Comment = text,
        });
        await db.SaveChangesAsync();
        return assignment;
    }

    /// <summary>改办 (Proposals.Assign): a returned assignment is replaced by a new one for another unit, dated today.</summary>
    public async Task<Assignment> ReassignAsync(int assignmentId, int newUnitId, string? comment, ClaimsPrincipal user)
    {
        await access.RequireAsync(user, ProposalsPermissions.Assign);
        var (proposal, old) = await access.AssignmentAsync(assignmentId, user);
        if (old.Status != AssignmentStatus.Returned)
        {
            throw new ProposalRuleException("只有已退办的交办才能改办。");
        }

        var names = await access.UnitNamesAsync([old.UnitId, newUnitId]);
        if (!names.ContainsKey(newUnitId))
        {
            throw new ProposalRuleException("请选择改办的承办单位。", "UnitId");
        }

        if (newUnitId == old.UnitId || proposal.Assignments.Any(a => a.UnitId == newUnitId && a.Status != AssignmentStatus.Replaced))
        {
            throw new ProposalRuleException($"{names[newUnitId]}已承办（或刚退办）本件，请另选承办单位。", "UnitId");
        }

        var note = comment?.Trim() ?? "";
        if (note.Length > MaxReason)
        {
            throw new ProposalRuleException($"改办说明不能超过{MaxReason}个字符。", "Comment");
        }

        var today = clock.Today();
        var created = await assignments.CreateAsync(proposal.Session, newUnitId, old.Role, today);
        created.ReplacesId = old.Id;
        old.Status = AssignmentStatus.Replaced;
        proposal.Assignments.Add(created);
        assignments.StageAssigned(proposal, created);
        audit.Record(new AuditEntry("Proposals", "Reassigned", Proposal.SubjectId(proposal.Id),
            $"第{proposal.Number}号改办（{ProposalText.Of(old.Role)}）：{names.GetValueOrDefault(old.UnitId)} → {names[newUnitId]}，" +
            $"自{ChinaDate.Format(today)}起重新计算办理期限，至{ChinaDate.Format(created.DueOn)}")
        {
            FromState = nameof(AssignmentStatus.Returned),
            ToState = nameof(AssignmentStatus.Replaced),
            Comment = note.Length == 0 ? null : note,
        });
        await db.SaveChangesAsync();
        return created;
    }
}
