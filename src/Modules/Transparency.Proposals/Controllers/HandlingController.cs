using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Transparency.Core.Hosting;
using Transparency.Core.Security;
using Transparency.Core.Units;
using Transparency.Proposals.Models;
using Transparency.Proposals.Services;
using Transparency.Proposals.ViewModels.Handling;

namespace Transparency.Proposals.Controllers;

/// <summary>延期, 退办, 改办 and 并案 on a proposal. The services check the permission again, the scope and the user's unit.</summary>
[Admin]
[Route("admin/proposals/{id:int}")]
[HandlingErrors]
public sealed class HandlingController(
    HandlingAccess access,
    ExtensionService extensions,
    ReturnService returns,
    MergeService merges,
    IUnitDirectory units) : Controller
{
    [HttpGet("assignments/{aid:int}/extension")]
    [RequirePermission(ProposalsPermissions.Handle)]
    public async Task<IActionResult> Extension(int id, int aid) => View(await ExtensionPageAsync(id, aid, new()));

    [HttpPost("assignments/{aid:int}/extension")]
    [RequirePermission(ProposalsPermissions.Handle)]
    public async Task<IActionResult> Extension(int id, int aid, ExtensionForm form)
    {
        var page = await ExtensionPageAsync(id, aid, form);
        try
        {
            await extensions.RequestExtensionAsync(aid, form.RequestedDueOn, form.Reason, User);
        }
        catch (ProposalRuleException e)
        {
            return Invalid(page, e);
        }

        return Redirect(ProposalUrl(id));
    }

    [HttpGet("extensions/{eid:int}/decide")]
    [RequirePermission(ProposalsPermissions.DecideExtension)]
    public async Task<IActionResult> Decide(int id, int eid) => View(await DecidePageAsync(id, eid, new()));

    [HttpPost("extensions/{eid:int}/decide")]
    [RequirePermission(ProposalsPermissions.DecideExtension)]
    public async Task<IActionResult> Decide(int id, int eid, DecideForm form)
    {
        var page = await DecidePageAsync(id, eid, form);
        try
        {
            if (form.Decision is not ("approve" or "decline"))
            {
                throw new ProposalRuleException("请选择“批准”或“不予批准”。", "Decision");
            }

            await extensions.DecideExtensionAsync(eid, form.Decision == "approve", form.Comment, User);
        }
        catch (ProposalRuleException e)
        {
            return Invalid(page, e);
        }

        return Redirect(ProposalUrl(id));
    }

    [HttpGet("assignments/{aid:int}/return")]
    [RequirePermission(ProposalsPermissions.Handle)]
    public async Task<IActionResult> Return(int id, int aid) => View(await ReturnPageAsync(id, aid, new()));

    [HttpPost("assignments/{aid:int}/return")]
    [RequirePermission(ProposalsPermissions.Handle)]
    public async Task<IActionResult> Return(int id, int aid, ReturnForm form)
    {
        var page = await ReturnPageAsync(id, aid, form);
        try
        {
            await returns.ReturnAsync(aid, form.Reason, User);
        }
        catch (ProposalRuleException e)
        {
            return Invalid(page, e);
        }

        return Redirect(ProposalUrl(id));
    }

    [HttpGet("assignments/{aid:int}/reassign")]
    [RequirePermission(ProposalsPermissions.Assign)]
    public async Task<IActionResult> Reassign(int id, int aid) => View(await ReassignPageAsync(id, aid, new()));

    [HttpPost("assignments/{aid:int}/reassign")]
    [RequirePermission(ProposalsPermissions.Assign)]
    public async Task<IActionResult> Reassign(int id, int aid, ReassignForm form)
    {
        var page = await ReassignPageAsync(id, aid, form);
        try
        {
            if (form.UnitId is not { } unitId)
            {
                throw new ProposalRuleException("请选择改办的承办单位。", "UnitId");
            }

            await returns.ReassignAsync(aid, unitId, form.Comment, User);
        }
        catch (ProposalRuleException e)
        {
            return Invalid(page, e);
        }

        return Redirect(ProposalUrl(id));
    }

    [HttpGet("merge")]
    [RequirePermission(ProposalsPermissions.Assign)]
    public async Task<IActionResult> Merge(int id) => View(await MergePageAsync(id, new()));

    [HttpPost("merge")]
    [RequirePermission(ProposalsPermissions.Assign)]
    public async Task<IActionResult> Merge(int id, MergeForm form)
    {
        var page = await MergePageAsync(id, form);
        try
        {
            if (form.IntoProposalId is not { } into)
            {
                throw new ProposalRuleException("请选择要并入的建议提案。", "IntoProposalId");
            }

            await merges.MergeAsync(id, into, form.Comment, User);
        }
        catch (ProposalRuleException e)
        {
            return Invalid(page, e);
        }

        return Redirect(ProposalUrl(id));
    }

    private static string ProposalUrl(int id) => $"/admin/proposals/{id}";

    private ViewResult Invalid(object page, ProposalRuleException e)
    {
        ModelState.Clear();
        ModelState.AddModelError(string.IsNullOrEmpty(e.Field) ? "" : $"Form.{e.Field}", e.Message);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(page);
    }

    /// <summary>The assignment of proposal <paramref name="id"/> (404 otherwise), for a member of its unit when <paramref name="requireUnit"/> (403 otherwise).</summary>
    private async Task<(Proposal Proposal, Assignment Assignment, string UnitName)> AssignmentAsync(int id, int aid, bool requireUnit)
    {
        var (proposal, assignment) = await access.AssignmentAsync(aid, User);
        if (proposal.Id != id)
        {
            throw new ProposalNotVisibleException();
        }

        if (requireUnit)
        {
            await access.RequireUnitAsync(User, assignment.UnitId);
        }

        return (proposal, assignment, await access.UnitNameAsync(assignment.UnitId));
    }

    private async Task<AssignmentPageModel<ExtensionForm>> ExtensionPageAsync(int id, int aid, ExtensionForm form)
    {
        var (proposal, assignment, unit) = await AssignmentAsync(id, aid, requireUnit: true);
        var pending = ExtensionService.Pending(assignment);
        return new AssignmentPageModel<ExtensionForm>
        {
            Proposal = proposal,
            Assignment = assignment,
            UnitName = unit,
            Form = form,
            Limit = ExtensionService.LatestDueOn(assignment),
            Blocked = pending is not null
                ? $"本单位已申请延期至{ChinaDate.Format(pending.RequestedDueOn)}，正在等待督办员审批。"
                : assignment.Status != AssignmentStatus.Active ? $"该项交办当前状态为“{ProposalText.Of(assignment.Status)}”，不能申请延期。" : null,
        };
    }

    private async Task<DecidePageModel> DecidePageAsync(int id, int eid, DecideForm form)
    {
        var (proposal, assignment, extension) = await extensions.FindAsync(eid, User);
        if (proposal.Id != id)
        {
            throw new ProposalNotVisibleException();
        }

        return new DecidePageModel
        {
            Proposal = proposal,
            Assignment = assignment,
            Extension = extension,
            UnitName = await access.UnitNameAsync(assignment.UnitId),
            Form = form,
        };
    }

    private async Task<AssignmentPageModel<ReturnForm>> ReturnPageAsync(int id, int aid, ReturnForm form)
    {
        var (proposal, assignment, unit) = await AssignmentAsync(id, aid, requireUnit: true);
        var deadline = await returns.ReturnDeadlineAsync(assignment);
        return new AssignmentPageModel<ReturnForm>
        {
            Proposal = proposal,
            Assignment = assignment,
            UnitName = unit,
            Form = form,
            Limit = deadline,
            Blocked = assignment.Status != AssignmentStatus.Active
                ? $"该项交办当前状态为“{ProposalText.Of(assignment.Status)}”，不能退办。"
                : !await returns.WithinReturnWindowAsync(assignment)
                    ? $"退办期限已于{ChinaDate.Format(deadline)}届满，不能退办；确需调整的，请与督办员（局办公室）联系。"
                    : null,
        };
    }

    private async Task<AssignmentPageModel<ReassignForm>> ReassignPageAsync(int id, int aid, ReassignForm form)
    {
        var (proposal, assignment, unit) = await AssignmentAsync(id, aid, requireUnit: false);
        var taken = proposal.Assignments.Where(a => a.Status != AssignmentStatus.Replaced).Select(a => a.UnitId).ToHashSet();
        return new AssignmentPageModel<ReassignForm>
        {
            Proposal = proposal,
            Assignment = assignment,
            UnitName = unit,
            Form = form,
            Units = (await units.ListAsync(HttpContext.RequestAborted)).Where(u => !taken.Contains(u.Id)).ToList(),
            Blocked = assignment.Status != AssignmentStatus.Returned ? "只有已退办的交办才能改办。" : null,
        };
    }

    private async Task<MergePageModel> MergePageAsync(int id, MergeForm form)
    {
        var proposal = await access.ProposalAsync(id, User);
        var candidates = await (await access.Scope.VisibleAsync(User)).AsNoTracking()
            .Where(p => p.SessionId == proposal.SessionId && p.Id != proposal.Id && p.MergedIntoId == null
                && p.Status != ProposalStatus.Merged && p.Status != ProposalStatus.Withdrawn)
            .OrderBy(p => p.Number)
            .ToListAsync();
        return new MergePageModel { Proposal = proposal, Candidates = candidates, Form = form };
    }
}
