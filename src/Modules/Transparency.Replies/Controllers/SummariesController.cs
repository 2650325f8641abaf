using Microsoft.AspNetCore.Mvc;
using Transparency.Core.Hosting;
using Transparency.Core.Proposals;
using Transparency.Core.Publishing;
using Transparency.Core.Security;
using Transparency.Data;
using Transparency.Replies.Models;
using Transparency.Replies.Services;
using Transparency.Replies.ViewModels;

namespace Transparency.Replies.Controllers;

/// <summary>办理工作总结: list, draft from data, edit, submit, review, publish, withdraw, versions, diffs; the template settings.</summary>
[Admin]
[DocumentErrors]
public sealed class SummariesController(
    SummaryService summaries,
    SummaryTemplates templates,
    IProposalDirectory proposals,
    TransparencyDbContext db,
    DocumentPages pages) : Controller
{
    private DocumentWorkflow Workflow => summaries.Workflow;

    [HttpGet("admin/summaries")]
    [RequirePermission(RepliesPermissions.View)]
    public async Task<IActionResult> Index() => View(await ListAsync(null));

    [HttpPost("admin/summaries/create")]
    [RequirePermission(RepliesPermissions.EditSummaries)]
    public async Task<IActionResult> Create(int sessionId)
    {
        HandlingSummary summary;
        try
        {
            summary = await summaries.DraftFromDataAsync(sessionId, User);
        }
        catch (DocumentRuleException rule)
        {
            db.ChangeTracker.Clear();
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Index", await ListAsync(rule.Message));
        }
        catch (SummaryTemplateException template)
        {
            db.ChangeTracker.Clear();
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Index", await ListAsync($"办理工作总结模板有错误，未能起草：{template.Error.Message}"));
        }

        return Redirect($"/admin/summaries/{summary.Id}/edit");
    }

    [HttpGet("admin/summaries/{id:int}")]
    [RequirePermission(RepliesPermissions.View)]
    public async Task<IActionResult> Details(int id) => View(await PageAsync(id));

    [HttpGet("admin/summaries/{id:int}/edit")]
    [RequirePermission(RepliesPermissions.EditSummaries)]
    public async Task<IActionResult> Edit(int id)
    {
        var context = await summaries.GetAsync(id);
        if (!DocumentWorkflow.IsEditable(context.Document))
        {
            throw new DocumentRuleException($"办理工作总结当前状态为“{StatusText.Of(context.Document.Status)}”，不能修改。");
        }

        var latest = await Workflow.LatestAsync(context.Document);
        return View("~/Views/Documents/Edit.cshtml", await EditPageAsync(context, new DocumentEditForm
        {
            VersionNumber = latest.Number,
            Revision = latest.Revision,
            Title = latest.Title,
            OfficialHtml = latest.OfficialHtml,
            PublicHtml = latest.PublicHtml,
        }, null));
    }

    [HttpPost("admin/summaries/{id:int}/edit")]
    [RequirePermission(RepliesPermissions.EditSummaries)]
    public async Task<IActionResult> Edit(int id, DocumentEditForm form)
    {
        var context = await summaries.GetAsync(id);
        try
        {
            var saved = await summaries.SaveAsync(context, form.Base, form.Content, User);

            // The save stands even if the submission below is refused: the form must carry on from what was just saved.
            (form.VersionNumber, form.Revision) = (saved.Number, saved.Revision);
            if (form.Command == "submit")
            {
                await summaries.SubmitAsync(await summaries.GetAsync(id), User, null);
                return Redirect($"/admin/summaries/{id}");
            }
        }
        catch (DocumentConflictException conflict)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View("~/Views/Documents/Edit.cshtml", await EditPageAsync(await summaries.GetAsync(id), form, pages.Conflict(conflict, form)));
        }
        catch (DocumentRuleException rule)
        {
            ModelState.AddModelError(rule.Field is { } f ? $"Form.{f}" : "", rule.Message);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            db.ChangeTracker.Clear();
            return View("~/Views/Documents/Edit.cshtml", await EditPageAsync(await summaries.GetAsync(id), form, null));
        }

        return Redirect($"/admin/summaries/{id}/edit?saved=1");
    }

    [HttpPost("admin/summaries/{id:int}/submit")]
    [RequirePermission(RepliesPermissions.EditSummaries)]
    public async Task<IActionResult> Submit(int id, string? comment)
    {
        await summaries.SubmitAsync(await summaries.GetAsync(id), User, comment);
        return Redirect($"/admin/summaries/{id}");
    }

    [HttpPost("admin/summaries/{id:int}/approve")]
    [RequirePermission(RepliesPermissions.View)]
    public async Task<IActionResult> Approve(int id, string? comment)
    {
        await summaries.ApproveAsync(await summaries.GetAsync(id), User, comment);
        return Redirect("/admin/replies/inbox");
    }

    [HttpPost("admin/summaries/{id:int}/return")]
    [RequirePermission(RepliesPermissions.View)]
    public async Task<IActionResult> Return(int id, string? comment)
    {
        await summaries.ReturnAsync(await summaries.GetAsync(id), User, comment);
        return Redirect("/admin/replies/inbox");
    }

    [HttpGet("admin/summaries/{id:int}/publish")]
    [RequirePermission(RepliesPermissions.Publish)]
    public async Task<IActionResult> Publish(int id) => View("~/Views/Documents/Publish.cshtml", await PublishPageAsync(id, null));

    [HttpPost("admin/summaries/{id:int}/publish")]
    [RequirePermission(RepliesPermissions.Publish)]
    public async Task<IActionResult> Publish(int id, [FromForm] List<PersonalDataChoice>? decisions, string? comment)
    {
        var context = await summaries.GetAsync(id);
        try
        {
            var (redact, confirm) = PersonalDataChoice.Split(decisions);
            await summaries.PublishAsync(context, redact, confirm, User, comment);
        }
        catch (DocumentRuleException rule)
        {
            db.ChangeTracker.Clear();
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("~/Views/Documents/Publish.cshtml", await PublishPageAsync(id, rule.Message));
        }

        return Redirect($"/admin/summaries/{id}");
    }

    [HttpPost("admin/summaries/{id:int}/withdraw")]
    [RequirePermission(RepliesPermissions.Publish)]
    public async Task<IActionResult> Withdraw(int id, string? reason, string? otherReason)
    {
        await summaries.WithdrawAsync(await summaries.GetAsync(id), reason == "其他" ? otherReason : reason, User);
        return Redirect($"/admin/summaries/{id}");
    }

    [HttpGet("admin/summaries/{id:int}/versions")]
    [RequirePermission(RepliesPermissions.View)]
    public async Task<IActionResult> Versions(int id)
    {
        var context = await summaries.GetAsync(id);
        return View("~/Views/Documents/Versions.cshtml",
            await pages.VersionsAsync(context.Document, context.Heading, $"/admin/summaries/{id}", await summaries.HasAsync(User, RepliesPermissions.EditSummaries)));
    }

    [HttpGet("admin/summaries/{id:int}/diff")]
    [RequirePermission(RepliesPermissions.View)]
    public async Task<IActionResult> Diff(int id, int? a, int? b)
    {
        var context = await summaries.GetAsync(id);
        return View("~/Views/Documents/Diff.cshtml", await pages.DiffAsync(context.Document, context.Heading, $"/admin/summaries/{id}", a, b));
    }

    [HttpPost("admin/summaries/{id:int}/restore")]
    [RequirePermission(RepliesPermissions.EditSummaries)]
    public async Task<IActionResult> Restore(int id, int number)
    {
        await summaries.RestoreAsync(await summaries.GetAsync(id), number, User);
        return Redirect($"/admin/summaries/{id}/edit");
    }

    [HttpGet("admin/summaries/template")]
    [RequirePermission(RepliesPermissions.ManageTemplates)]
    public async Task<IActionResult> Template(bool saved = false)
    {
        var stored = await templates.StoredAsync();
        return View(await TemplatePageAsync(stored ?? SummaryTemplates.DefaultTemplate, stored is null, null, saved));
    }

    [HttpPost("admin/summaries/template")]
    [RequirePermission(RepliesPermissions.ManageTemplates)]
    public async Task<IActionResult> Template(SummaryTemplateForm form)
    {
        if (form.Command == "reset")
        {
            await templates.ResetAsync();
            return Redirect("/admin/summaries/template?saved=true");
        }

        var template = form.Template ?? "";
        if (templates.Validate(template) is { } error)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(await TemplatePageAsync(template, false, error, false));
        }

        if (form.Command == "preview")
        {
            return View(await TemplatePageAsync(template, template == SummaryTemplates.DefaultTemplate, null, false));
        }

        try
        {
            await templates.SaveAsync(template);
        }
        catch (SummaryTemplateException exception)
        {
            db.ChangeTracker.Clear();
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(await TemplatePageAsync(template, false, exception.Error, false));
        }

        return Redirect("/admin/summaries/template?saved=true");
    }

    private async Task<SummaryTemplatePageModel> TemplatePageAsync(string template, bool isDefault, SummaryTemplateError? error, bool saved)
    {
        string? preview = null;
        string? session = null;
        if (error is null)
        {
            // The preview uses the figures of the latest session, or the example figures when there is none.
            var sessions = await proposals.SessionsAsync();
            var latest = sessions.Count > 0 ? sessions[0] : null;
            var figures = latest is null ? SummaryTemplates.Sample : await summaries.Figures.ForSessionAsync(latest.Id);
            session = latest?.Name;
            try
            {
                preview = await templates.RenderAsync(figures, template);
            }
            catch (SummaryTemplateException exception)
            {
                error = exception.Error;
            }
        }

        return new SummaryTemplatePageModel
        {
            Template = template,
            IsDefault = isDefault,
            Error = error,
            Saved = saved,
            Preview = preview,
            PreviewSession = session,
        };
    }

    private async Task<SummaryListModel> ListAsync(string? error) => new()
    {
        Rows = await summaries.ListAsync(),
        CanCreate = await summaries.HasAsync(User, RepliesPermissions.EditSummaries),
        CanManageTemplate = await summaries.HasAsync(User, RepliesPermissions.ManageTemplates),
        Error = error,
    };

    private async Task<PublishPageModel> PublishPageAsync(int id, string? error)
    {
        var context = await summaries.GetAsync(id);
        await summaries.RequireAsync(User, RepliesPermissions.Publish);
        return await pages.PublishAsync(context.Document, context.Heading, $"/admin/summaries/{id}", error);
    }

    private Task<DocumentEditPageModel> EditPageAsync(SummaryContext context, DocumentEditForm form, ConflictModel? conflict)
        => pages.EditAsync(context.Document, context.Heading, $"/admin/summaries/{context.Summary.Id}", form, conflict);

    private async Task<SummaryPageModel> PageAsync(int id)
    {
        var context = await summaries.GetAsync(id);
        var document = context.Document;
        var versions = await Workflow.VersionsAsync(document.Id);
        var stages = await Workflow.StagesAsync();
        var mayEdit = await summaries.HasAsync(User, RepliesPermissions.EditSummaries);
        var mayPublish = await summaries.HasAsync(User, RepliesPermissions.Publish);
        HandlingFigures? figures = null;
        if (mayEdit && DocumentWorkflow.IsEditable(document))
        {
            try
            {
                figures = await summaries.Figures.ForSessionAsync(context.Summary.SessionId);
            }
            catch (DocumentNotFoundException)
            {
                // The session is gone: the text stays, the figures cannot be shown.
            }
        }

        return new SummaryPageModel
        {
            Context = context,
            Latest = versions.First(v => v.Number == document.LatestVersion),
            Published = document.PublishedVersion is { } p ? versions.First(v => v.Number == p) : null,
            Figures = figures,
            Panel = new ReviewPanelModel
            {
                Document = document,
                BaseUrl = $"/admin/summaries/{id}",
                Decisions = await Workflow.DecisionsAsync(document.Id),
                StageName = document.StageIndex is { } s ? stages[Math.Min(s, stages.Count - 1)].Name : null,
                CanEdit = mayEdit && DocumentWorkflow.IsEditable(document),
                CanSubmit = mayEdit && document.Status is DocumentStatus.Draft or DocumentStatus.Returned,
                CanReview = await Workflow.CanReviewAsync(document, User),
                CanPublish = mayPublish && document.Status is DocumentStatus.Approved or DocumentStatus.Unpublished,
                CanWithdraw = mayPublish && document.Status is DocumentStatus.Published,
            },
        };
    }
}
