using Transparency.Core.Files;
using Microsoft.AspNetCore.Mvc;
using Transparency.Core.Hosting;
using Transparency.Core.Security;
using Transparency.Proposals.Services;
using Transparency.Proposals.ViewModels.Handling;

namespace Transparency.Proposals.Controllers;

/// <summary>面商 / 沟通联系 records of a proposal, with their attachments.</summary>
[Admin]
[Route("admin/proposals/{id:int}/consultations")]
[HandlingErrors]
public sealed class ConsultationsController(ConsultationService consultations, HandlingAccess access, TimeProvider clock) : Controller
{
    private const string PageView = "~/Views/Handling/Consultations.cshtml";
    private const long RequestLimit = AttachmentTypes.MaxBytes + (1024 * 1024);

    [HttpGet("")]
    [RequirePermission(ProposalsPermissions.View)]
    public async Task<IActionResult> Index(int id) => View(PageView, await PageAsync(id, new() { Date = clock.Today() }));

    [HttpPost("")]
    [RequirePermission(ProposalsPermissions.Handle)]
    [RequestSizeLimit(RequestLimit)]
    [RequestFormLimits(MultipartBodyLengthLimit = RequestLimit)]
    public async Task<IActionResult> Record(int id, ConsultationForm form, IFormFile? attachment)
    {
        var input = new ConsultationInput(form.UnitId, form.Date, form.Mode, form.Stage, form.Participants, form.Notes);
        try
        {
            if (attachment is not null && (attachment.Length > 0 || attachment.FileName.Length > 0))
            {
                await using var content = attachment.OpenReadStream();
                await consultations.RecordAsync(id, input, new AttachmentUpload(attachment.FileName, attachment.Length, content), User);
            }
            else
            {
                await consultations.RecordAsync(id, input, null, User);
            }
        }
        catch (ProposalRuleException e)
        {
            ModelState.Clear();
            ModelState.AddModelError(string.IsNullOrEmpty(e.Field) ? "" : $"Form.{e.Field}", e.Message);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(PageView, await PageAsync(id, form));
        }

        return Redirect($"/admin/proposals/{id}/consultations");
    }

    [HttpGet("{cid:int}/attachment")]
    [RequirePermission(ProposalsPermissions.View)]
    public async Task<IActionResult> Attachment(int id, int cid)
    {
        var file = await consultations.OpenAttachmentAsync(id, cid, User);
        Response.Headers.XContentTypeOptions = "nosniff";
        return File(file.Content, file.ContentType, file.FileName);
    }

    private async Task<ConsultationsPageModel> PageAsync(int id, ConsultationForm form)
    {
        var (proposal, list) = await consultations.ListAsync(id, User);
        var recording = await consultations.RecordingUnitsAsync(proposal, User);
        return new ConsultationsPageModel
        {
            Proposal = proposal,
            Consultations = list,
            RecordingUnits = recording,
            UnitNames = await access.UnitNamesAsync(list.Select(c => c.UnitId).Concat(recording)),
            Form = form,
        };
    }
}
