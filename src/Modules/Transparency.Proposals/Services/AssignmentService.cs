using System.Security.Claims;
using Transparency.Core.Audit;
using Transparency.Core.Calendar;
using Transparency.Core.Security;
using Transparency.Core.Units;
using Transparency.Core.Workflows;
using Transparency.Data;
using Transparency.Proposals.Models;

namespace Transparency.Proposals.Services;

/// <summary>What the coordinator decides when giving a proposal to units (交办).</summary>
public sealed record AssignmentPlan(int? LeadUnitId, IReadOnlyList<int> CoUnitIds, IReadOnlyList<int> SplitUnitIds, DateOnly AssignedOn);

/// <summary>交办: gives a proposal to lead, co and split units with deadlines from the session's rules.</summary>
public sealed class AssignmentService(
    TransparencyDbContext db,
    IPermissionService permissions,
    IUnitDirectory units,
    IWorkingDayCalendar calendar,
    ProposalLifecycle lifecycle,
    IAuditTrail audit,
    IWorkflowEvents events)
{
    /// <summary>Adds the assignments, moves the proposal to Assigned and saves, all in one transaction.</summary>
    public async Task AssignAsync(Proposal proposal, AssignmentPlan plan, ClaimsPrincipal actor)
    {
        if (!await permissions.HasPermissionAsync(actor, ProposalsPermissions.Assign))
        {
            throw new UnauthorizedAccessException("Assigning needs Proposals.Assign.");
        }

        var roles = Roles(plan);
        await ValidateAsync(proposal, roles);
        foreach (var (unitId, role) in roles)
        {
            var assignment = await CreateAsync(proposal.Session, unitId, role, plan.AssignedOn);
            proposal.Assignments.Add(assignment);
            StageAssigned(proposal, assignment);
        }

        await lifecycle.ApplyAsync(proposal, ProposalStatus.Assigned, actor, null);
        var names = (await units.FindAsync(roles.Select(r => r.UnitId))).ToDictionary(u => u.Id, u => u.ShortName);
        audit.Record(new AuditEntry("Proposals", "Assigned", Proposal.SubjectId(proposal.Id),
            $"第{proposal.Number}号交办（{plan.AssignedOn:yyyy-MM-dd}）：" +
            string.Join("；", roles.Select(r => $"{ProposalText.Of(r.Role)} {names[r.UnitId]}"))));
        await db.SaveChangesAsync(); // one save: assignments, status and audit events commit together
    }

    /// <summary>Stages the <c>ProposalAssigned</c> workflow event of an assignment in the caller's unit of work.</summary>
    public void StageAssigned(Proposal proposal, Assignment assignment)
        => events.Stage(new WorkflowEvent(WorkflowEventNames.ProposalAssigned, Proposal.SubjectId(proposal.Id), WorkflowEvent.ValuesOf(
            ("proposalId", proposal.Id), ("number", proposal.Number), ("title", proposal.Title), ("unitId", assignment.UnitId),
            ("part", assignment.Role.ToString()), ("assignedOn", assignment.AssignedOn), ("dueOn", assignment.DueOn))));

    /// <summary>A new assignment with its deadline computed on the working-day calendar.</summary>
    public async Task<Assignment> CreateAsync(Session session, int unitId, HandlingRole role, DateOnly assignedOn)
    {
        var months = role == HandlingRole.Co ? session.CoOpinionMonths : session.ReplyMonths;
        var deadline = await calendar.AddMonthsAsync(assignedOn, months);
        return new Assignment
        {
            UnitId = unitId,
            Role = role,
            AssignedOn = assignedOn,
            RuleDueOn = deadline.Due,
            DueOn = deadline.Due,
            Status = AssignmentStatus.Active,
        };
    }

    private static List<(int UnitId, HandlingRole Role)> Roles(AssignmentPlan plan)
    {
        var roles = new List<(int, HandlingRole)>();
        if (plan.LeadUnitId is { } lead)
        {
            roles.Add((lead, HandlingRole.Lead));
        }

        roles.AddRange(plan.CoUnitIds.Select(id => (id, HandlingRole.Co)));
        roles.AddRange(plan.SplitUnitIds.Select(id => (id, HandlingRole.Split)));
        return roles;
    }

    private async Task ValidateAsync(Proposal proposal, List<(int UnitId, HandlingRole Role)> roles)
    {
        if (proposal.Status != ProposalStatus.Registered || proposal.Assignments.Any(a => a.Status != AssignmentStatus.Replaced))
        {
            throw new ProposalRuleException($"第{proposal.Number}号已交办，如需调整请使用改办。");
        }

        var hasLead = roles.Any(r => r.Role == HandlingRole.Lead);
        var splits = roles.Count(r => r.Role == HandlingRole.Split);
        if (!hasLead && splits < 2)
        {
            throw new ProposalRuleException("请指定主办单位，或指定两个以上分办单位。", "LeadUnitId");
        }

        if (hasLead && splits > 0)
        {
            throw new ProposalRuleException("同一件建议提案不能既有主办单位又有分办单位。", "SplitUnitIds");
        }

        if (roles.Select(r => r.UnitId).Distinct().Count() != roles.Count)
        {
            throw new ProposalRuleException("同一单位不能重复交办。", "CoUnitIds");
        }

        var known = (await units.FindAsync(roles.Select(r => r.UnitId))).Select(u => u.Id).ToHashSet();
        var unknown = roles.Select(r => r.UnitId).FirstOrDefault(id => !known.Contains(id));
        if (unknown != 0)
        {
            throw new ProposalRuleException($"未知承办单位：{unknown}", "CoUnitIds");
        }
    }
}
