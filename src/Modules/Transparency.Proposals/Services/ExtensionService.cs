using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Transparency.Core.Audit;
using Transparency.Data;
using Transparency.Proposals.Models;

namespace Transparency.Proposals.Services;

/// <summary>
/// 延期: a unit asks for a later deadline on its assignment, the coordinator approves or declines it. The
/// deadline after extension never lies more than six months after the assignment date.
/// </summary>
public sealed class ExtensionService(TransparencyDbContext db, HandlingAccess access, IAuditTrail audit, TimeProvider clock)
{
    public const int MaxMonthsFromAssignment = 6;
    public const int MaxText = 1000;

    /// <summary>The latest deadline an extension may give this assignment.</summary>
    public static DateOnly LatestDueOn(Assignment assignment) => assignment.AssignedOn.AddMonths(MaxMonthsFromAssignment);

    /// <summary>The pending request on the assignment, if any.</summary>
    public static DeadlineExtension? Pending(Assignment assignment)
        => assignment.Extensions.FirstOrDefault(e => e.Status == ExtensionStatus.Requested);

    /// <summary>A unit's request (Proposals.Handle, member of the assignment's unit); saved with its audit event.</summary>
    public async Task<DeadlineExtension> RequestExtensionAsync(int assignmentId, DateOnly? requestedDueOn, string? reason, ClaimsPrincipal user)
    {
        await access.RequireAsync(user, ProposalsPermissions.Handle);
        var (proposal, assignment) = await access.AssignmentAsync(assignmentId, user);
        await access.RequireUnitAsync(user, assignment.UnitId);
        HandlingAccess.RequireActive(proposal, assignment, "申请延期");
        if (Pending(assignment) is not null)
        {
            throw new ProposalRuleException("该项交办已有一份待审批的延期申请，请待督办员审批后再行申请。", "RequestedDueOn");
        }

        if (requestedDueOn is not { } due)
        {
            throw new ProposalRuleException("请填写申请延至的办理期限。", "RequestedDueOn");
        }

        if (due <= assignment.DueOn)
        {
            throw new ProposalRuleException($"申请延至的办理期限须晚于现办理期限（{ChinaDate.Format(assignment.DueOn)}）。", "RequestedDueOn");
        }

        var latest = LatestDueOn(assignment);
        if (due > latest)
        {
            throw new ProposalRuleException(
                $"延期后的办理期限自交办之日起不得超过{MaxMonthsFromAssignment}个月：本项于{ChinaDate.Format(assignment.AssignedOn)}交办，最迟可延至{ChinaDate.Format(latest)}。",
                "RequestedDueOn");
        }

        var text = Required(reason, "延期理由", "Reason");
        var extension = new DeadlineExtension
        {
            AssignmentId = assignment.Id,
            RequestedDueOn = due,
            Reason = text,
            Status = ExtensionStatus.Requested,
            RequestedBy = user.Identity?.Name ?? "",
            RequestedUtc = clock.GetUtcNow().UtcDateTime,
        };
        assignment.Extensions.Add(extension);
        var unit = await access.UnitNameAsync(assignment.UnitId);
        audit.Record(new AuditEntry("Proposals", "ExtensionRequested", Proposal.SubjectId(proposal.Id),
            $"第{proposal.Number}号 {unit}（{ProposalText.Of(assignment.Role)}）申请延期：办理期限由{ChinaDate.Format(assignment.DueOn)}延至{ChinaDate.Format(due)}")
        {
            ToState = nameof(ExtensionStatus.Requested),
            Comment = text,
        });
        await db.SaveChangesAsync();
        return extension;
    }

    /// <summary>The coordinator's decision (Proposals.DecideExtension); approval moves the deadline. A decline needs a comment.</summary>
    public async Task<DeadlineExtension> DecideExtensionAsync(int extensionId, bool approve, string? comment, ClaimsPrincipal user)
    {
        await access.RequireAsync(user, ProposalsPermissions.DecideExtension);
        var (proposal, assignment, extension) = await FindAsync(extensionId, user);
        if (extension.Status != ExtensionStatus.Requested)
        {
            throw new ProposalRuleException($"该延期申请已审批（{ProposalText.Of(extension.Status)}），不能重复审批。");
        }

        if (approve && assignment.Status != AssignmentStatus.Active)
        {
            throw new ProposalRuleException($"该项交办当前状态为“{ProposalText.Of(assignment.Status)}”，延期申请只能不予批准。", "Decision");
        }

        var note = comment?.Trim() ?? "";
        if (!approve && note.Length == 0)
        {
            throw new ProposalRuleException("不予批准延期时，请填写审批意见说明理由。", "Comment");
        }

        if (note.Length > MaxText)
        {
            throw new ProposalRuleException($"审批意见不能超过{MaxText}个字符。", "Comment");
        }

        var previous = assignment.DueOn;
        extension.Status = approve ? ExtensionStatus.Approved : ExtensionStatus.Declined;
        extension.DecidedBy = user.Identity?.Name ?? "";
        extension.DecidedUtc = clock.GetUtcNow().UtcDateTime;
        extension.DecisionComment = note.Length == 0 ? null : note;
        if (approve)
        {
            assignment.DueOn = extension.RequestedDueOn;
            var opinion = await db.Set<CoHandlingOpinion>().FirstOrDefaultAsync(o => o.AssignmentId == assignment.Id && o.Status == CoOpinionStatus.Draft);
            if (opinion is not null)
            {
                opinion.DueOn = assignment.DueOn;
            }
        }

        var unit = await access.UnitNameAsync(assignment.UnitId);
        audit.Record(new AuditEntry("Proposals", approve ? "ExtensionApproved" : "ExtensionDeclined", Proposal.SubjectId(proposal.Id),
            approve
                ? $"第{proposal.Number}号 {unit}延期申请已批准：办理期限由{ChinaDate.Format(previous)}延至{ChinaDate.Format(extension.RequestedDueOn)}"
                : $"第{proposal.Number}号 {unit}延期申请（延至{ChinaDate.Format(extension.RequestedDueOn)}）未获批准，办理期限仍为{ChinaDate.Format(previous)}")
        {
            FromState = nameof(ExtensionStatus.Requested),
            ToState = extension.Status.ToString(),
            Comment = extension.DecisionComment,
        });
        await db.SaveChangesAsync();
        return extension;
    }

    /// <summary>The extension with its assignment and (visible) proposal; <see cref="ProposalNotVisibleException"/> otherwise.</summary>
    public async Task<(Proposal Proposal, Assignment Assignment, DeadlineExtension Extension)> FindAsync(int extensionId, ClaimsPrincipal user)
    {
        var assignmentId = await (await access.Scope.VisibleAsync(user))
            .SelectMany(p => p.Assignments)
            .SelectMany(a => a.Extensions)
            .Where(e => e.Id == extensionId)
            .Select(e => (int?)e.AssignmentId)
            .FirstOrDefaultAsync() ?? throw new ProposalNotVisibleException();
        var (proposal, assignment) = await access.AssignmentAsync(assignmentId, user);
        return (proposal, assignment, assignment.Extensions.First(e => e.Id == extensionId));
    }

    private static string Required(string? value, string label, string field)
    {
        var text = value?.Trim() ?? "";
        if (text.Length == 0)
        {
            throw new ProposalRuleException($"请填写{label}。", field);
        }

        return text.Length > MaxText ? throw new ProposalRuleException($"{label}不能超过{MaxText}个字符。", field) : text;
    }
}
