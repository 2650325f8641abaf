using Microsoft.AspNetCore.Mvc;
using Transparency.Core.Hosting;
using Transparency.Core.Security;
using Transparency.Proposals.Services;
using Transparency.Proposals.ViewModels.Handling;

namespace Transparency.Proposals.Controllers;

/// <summary>协办意见: the co unit's editor, and the lead unit's view of the submitted opinions.</summary>
[Admin]
[Route("admin/proposals/{id:int}")]
[HandlingErrors]
public sealed class CoOpinionsController(CoOpinionService opinions, HandlingAccess access) : Controller
{
    private const string EditorView = "~/Views/Handling/CoOpinion.cshtml";

    [HttpGet("co-opinion")]
    [RequirePermission(ProposalsPermissions.Handle)]
    public async Task<IActionResult> Edit(int id, int? assignment) => View(EditorView, await EditorAsync(id, assignment, null));

    [HttpPost("co-opinion")]
    [RequirePermission(ProposalsPermissions.Handle)]
    public async Task<IActionResult> Save(int id, CoOpinionForm form)
    {
        try
        {
            await opinions.SaveAsync(id, form.AssignmentId, form.Text, form.Command == "submit", User);
        }
        catch (ProposalRuleException e)
        {
            ModelState.Clear();
            ModelState.AddModelError(string.IsNullOrEmpty(e.Field) ? "" : $"Form.{e.Field}", e.Message);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(EditorView, await EditorAsync(id, form.AssignmentId, form));
        }

        var query = form.AssignmentId is { } a ? $"?assignment={a}" : "";
        return Redirect($"/admin/proposals/{id}/co-opinion{query}");
    }

    [HttpGet("co-opinions")]
    [RequirePermission(ProposalsPermissions.View)]
    public async Task<IActionResult> Index(int id)
    {
        var (proposal, entries) = await opinions.ListForLeadAsync(id, User);
        return View("~/Views/Handling/CoOpinions.cshtml", new CoOpinionsPageModel
        {
            Proposal = proposal,
            Entries = entries,
            UnitNames = await access.UnitNamesAsync(proposal.Assignments.Select(a => a.UnitId)),
        });
    }

    private async Task<CoOpinionPageModel> EditorAsync(int id, int? assignmentId, CoOpinionForm? form)
    {
        var (proposal, assignment, opinion) = await opinions.GetOwnAsync(id, assignmentId, User);
        return new CoOpinionPageModel
        {
            Proposal = proposal,
            Assignment = assignment,
            UnitName = await access.UnitNameAsync(assignment.UnitId),
            Opinion = opinion,
            Form = form ?? new CoOpinionForm { AssignmentId = assignment.Id, Text = opinion?.Text },
        };
    }
}
