using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Transparency.Core.Hosting;
using Transparency.Core.Security;
using Transparency.Data;
using Transparency.Replies.Models;
using Transparency.Replies.Services;
using Transparency.Replies.ViewModels;

namespace Transparency.Replies.Controllers;

/// <summary>答复: list, inbox, start, edit, submit, review, send, publish, withhold, versions and diffs of replies.</summary>
[Admin]
[DocumentErrors]
public sealed class RepliesController(
    ReplyService replies,
    ReplyQueries queries,
    ReplyAttachments attachments,
    TransparencyDbContext db,
    DocumentPages pages,
    Core.Feedback.IHandlingRounds rounds) : Controller
{
    private DocumentWorkflow Workflow => replies.Workflow;

    [HttpGet("admin/replies")]
    [RequirePermission(RepliesPermissions.View)]
    public async Task<IActionResult> Index(DocumentStatus? status, string? q)
        => View(new ReplyListModel { Rows = await queries.ListAsync(User, status, q), Status = status, Query = q });

    [HttpGet("admin/replies/inbox")]
    [RequirePermission(RepliesPermissions.View)]
    public async Task<IActionResult> Inbox(
        [FromServices] SummaryService summaries)
        => View(new InboxModel { Replies = await queries.InboxAsync(User), Summaries = await summaries.InboxAsync(User) });

    [HttpGet("admin/proposals/{proposalId:int}/replies")]
    [RequirePermission(RepliesPermissions.View)]
    public async Task<IActionResult> ForProposal(int proposalId)
    {
        var list = await replies.ForProposalAsync(proposalId, User);
        return list.Count switch
        {
            0 => View("NoReply", proposalId),
            _ => Redirect($"/admin/replies/{list[^1].Id}"),
        };
    }

    [HttpPost("admin/proposals/{proposalId:int}/replies")]
    [RequirePermission(RepliesPermissions.Draft)]
    public async Task<IActionResult> Start(int proposalId)
    {
        var reply = await replies.StartAsync(proposalId, User);
        return Redirect($"/admin/replies/{reply.Id}/edit");
    }

    [HttpGet("admin/replies/{id:int}")]
    [RequirePermission(RepliesPermissions.View)]
    public async Task<IActionResult> Details(int id) => View(await PageAsync(id));

    [HttpGet("admin/replies/{id:int}/edit")]
    [RequirePermission(RepliesPermissions.Draft)]
    public async Task<IActionResult> Edit(int id)
    {
        var context = await replies.GetAsync(id, User);
        await replies.RequireDrafterAsync(context, User);
        if (!DocumentWorkflow.IsEditable(context.Document))
        {
            throw new DocumentRuleException($"答复当前状态为“{StatusText.Of(context.Document.Status)}”，不能修改。");
        }

        var latest = await Workflow.LatestAsync(context.Document);
        return View("~/Views/Documents/Edit.cshtml", await EditPageAsync(context, new DocumentEditForm
        {
            VersionNumber = latest.Number,
            Revision = latest.Revision,
            Title = latest.Title,
            OfficialHtml = latest.OfficialHtml,
            PublicHtml = latest.PublicHtml,
            Outcome = latest.Outcome,
            DocumentNumber = context.Reply.DocumentNumber,
            ContactPerson = context.Reply.ContactPerson,
            ContactPhone = context.Reply.ContactPhone,
        }, null));
    }

    [HttpPost("admin/replies/{id:int}/edit")]
    [RequirePermission(RepliesPermissions.Draft)]
    public async Task<IActionResult> Edit(int id, DocumentEditForm form)
    {
        var context = await replies.GetAsync(id, User);
        try
        {
            var saved = await replies.SaveAsync(context, form.Base, form.Content, new ReplyLetterFields(form.DocumentNumber, form.ContactPerson, form.ContactPhone), User);

            // The save stands even if the submission below is refused: the form must carry on from what was just saved.
            (form.VersionNumber, form.Revision) = (saved.Number, saved.Revision);
            if (form.Command == "submit")
            {
                await replies.SubmitAsync(await replies.GetAsync(id, User), User, null);
                return Redirect($"/admin/replies/{id}");
            }
        }
        catch (DocumentConflictException conflict)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View("~/Views/Documents/Edit.cshtml", await EditPageAsync(await replies.GetAsync(id, User), form, pages.Conflict(conflict, form)));
        }
        catch (DocumentRuleException rule)
        {
            ModelState.AddModelError(rule.Field is { } f ? $"Form.{f}" : "", rule.Message);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            db.ChangeTracker.Clear();
            return View("~/Views/Documents/Edit.cshtml", await EditPageAsync(await replies.GetAsync(id, User), form, null));
        }

        return Redirect($"/admin/replies/{id}/edit?saved=1");
    }

    [HttpPost("admin/replies/{id:int}/submit")]
    [RequirePermission(RepliesPermissions.Draft)]
    public async Task<IActionResult> Submit(int id, string? comment)
    {
        await replies.SubmitAsync(await replies.GetAsync(id, User), User, comment);
        return Redirect($"/admin/replies/{id}");
    }

    [HttpPost("admin/replies/{id:int}/approve")]
    [RequirePermission(RepliesPermissions.View)]
    public async Task<IActionResult> Approve(int id, string? comment)
    {
        var context = await replies.GetAsync(id, User);
        await Workflow.ApproveAsync(context.Document, User, comment);
        return Redirect("/admin/replies/inbox");
    }

    [HttpPost("admin/replies/{id:int}/return")]
    [RequirePermission(RepliesPermissions.View)]
    public async Task<IActionResult> Return(int id, string? comment)
    {
        var context = await replies.GetAsync(id, User);
        await Workflow.ReturnAsync(context.Document, User, comment,
            $"第{context.Proposal.Number}号{context.Proposal.KindName}的答复", $"/admin/replies/{id}/edit");
        return Redirect("/admin/replies/inbox");
    }

    [HttpGet("admin/replies/{id:int}/send")]
    [RequirePermission(RepliesPermissions.Send)]
    public async Task<IActionResult> Send(int id) => View(await PageAsync(id));

    [HttpPost("admin/replies/{id:int}/send")]
    [RequirePermission(RepliesPermissions.Send)]
    public async Task<IActionResult> Send(int id, SendForm form)
    {
        var context = await replies.GetAsync(id, User);
        try
        {
            await replies.SendAsync(context, form.SentOn, form.Channel, User);
        }
        catch (DocumentRuleException rule)
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError(rule.Field ?? "", rule.Message);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(await PageAsync(id));
        }

        return Redirect($"/admin/replies/{id}");
    }

    [HttpGet("admin/replies/{id:int}/publish")]
    [RequirePermission(RepliesPermissions.Publish)]
    public async Task<IActionResult> Publish(int id) => View("~/Views/Documents/Publish.cshtml", await PublishPageAsync(id, null));

    [HttpPost("admin/replies/{id:int}/publish")]
    [RequirePermission(RepliesPermissions.Publish)]
    public async Task<IActionResult> Publish(int id, [FromForm] List<PersonalDataChoice>? decisions, string? comment)
    {
        var context = await replies.GetAsync(id, User);
        try
        {
            var (redact, confirm) = PersonalDataChoice.Split(decisions);
            await Workflow.PublishAsync(context.Document, redact, confirm, User, comment);
        }
        catch (DocumentRuleException rule)
        {
            db.ChangeTracker.Clear();
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("~/Views/Documents/Publish.cshtml", await PublishPageAsync(id, rule.Message));
        }

        return Redirect($"/admin/replies/{id}");
    }

    [HttpPost("admin/replies/{id:int}/withdraw")]
    [RequirePermission(RepliesPermissions.Publish)]
    public async Task<IActionResult> Withdraw(int id, string? reason, string? otherReason)
    {
        var context = await replies.GetAsync(id, User);
        await Workflow.WithdrawAsync(context.Document, reason == "其他" ? otherReason : reason, User);
        return Redirect($"/admin/replies/{id}");
    }

    [HttpGet("admin/replies/{id:int}/versions")]
    [RequirePermission(RepliesPermissions.View)]
    public async Task<IActionResult> Versions(int id)
    {
        var context = await replies.GetAsync(id, User);
        return View("~/Views/Documents/Versions.cshtml",
            await pages.VersionsAsync(context.Document, Heading(context), $"/admin/replies/{id}", await replies.IsDrafterAsync(context, User)));
    }

    [HttpGet("admin/replies/{id:int}/diff")]
    [RequirePermission(RepliesPermissions.View)]
    public async Task<IActionResult> Diff(int id, int? a, int? b)
    {
        var context = await replies.GetAsync(id, User);
        return View("~/Views/Documents/Diff.cshtml", await pages.DiffAsync(context.Document, Heading(context), $"/admin/replies/{id}", a, b));
    }

    [HttpPost("admin/replies/{id:int}/restore")]
    [RequirePermission(RepliesPermissions.Draft)]
    public async Task<IActionResult> Restore(int id, int number)
    {
        await replies.RestoreAsync(await replies.GetAsync(id, User), number, User);
        return Redirect($"/admin/replies/{id}/edit");
    }

    [HttpPost("admin/replies/{id:int}/attachments")]
    [RequirePermission(RepliesPermissions.Draft)]
    [RequestSizeLimit(Transparency.Core.Files.AttachmentTypes.MaxBytes + (1024 * 1024))]
    public async Task<IActionResult> Attach(int id, IFormFile? file)
    {
        var context = await replies.GetAsync(id, User);
        await replies.RequireDrafterAsync(context, User);
        if (file is null)
        {
            throw new DocumentRuleException("请选择要上传的附件。", "Attachment");
        }

        await using var content = file.OpenReadStream();
        await attachments.AddAsync(context.Document, file.FileName, file.Length, content, DocumentWorkflow.Name(User));
        return Redirect($"/admin/replies/{id}");
    }

    [HttpPost("admin/replies/{id:int}/attachments/{attachmentId:int}/delete")]
    [RequirePermission(RepliesPermissions.Draft)]
    public async Task<IActionResult> DeleteAttachment(int id, int attachmentId)
    {
        var context = await replies.GetAsync(id, User);
        await replies.RequireDrafterAsync(context, User);
        await attachments.DeleteAsync(context.Document, attachmentId, DocumentWorkflow.Name(User));
        return Redirect($"/admin/replies/{id}");
    }

    [HttpGet("admin/replies/{id:int}/attachments/{attachmentId:int}")]
    [RequirePermission(RepliesPermissions.View)]
    public async Task<IActionResult> Attachment(int id, int attachmentId)
    {
        var context = await replies.GetAsync(id, User);
        var (attachment, content) = await attachments.OpenAsync(context.Document.Id, attachmentId);
        return File(content, attachment.ContentType, attachment.FileName);
    }

    private async Task<PublishPageModel> PublishPageAsync(int id, string? error)
    {
        var context = await replies.GetAsync(id, User);
        await replies.RequireAsync(User, RepliesPermissions.Publish);
        return await pages.PublishAsync(context.Document, Heading(context), $"/admin/replies/{id}", error);
    }

    private Task<DocumentEditPageModel> EditPageAsync(ReplyContext context, DocumentEditForm form, ConflictModel? conflict)
        => pages.EditAsync(context.Document, Heading(context), $"/admin/replies/{context.Reply.Id}", form, conflict);

    private async Task<ReplyPageModel> PageAsync(int id)
    {
        var context = await replies.GetAsync(id, User);
        var document = context.Document;
        var versions = await Workflow.VersionsAsync(document.Id);
        var stages = await Workflow.StagesAsync();
        var isDrafter = await replies.IsDrafterAsync(context, User);
        var mayPublish = await replies.HasAsync(User, RepliesPermissions.Publish);
        return new ReplyPageModel
        {
            Context = context,
            Latest = versions.First(v => v.Number == document.LatestVersion),
            Published = document.PublishedVersion is { } p ? versions.First(v => v.Number == p) : null,
            Attachments = await attachments.ListAsync(document.Id),
            CanSend = document.Status == DocumentStatus.Approved && await replies.HasAsync(User, RepliesPermissions.Send),
            CanAttach = isDrafter && DocumentWorkflow.IsEditable(document),
            NextRound = isDrafter && context.Proposal.Status == "Rehandling"
                && await rounds.CurrentAsync(context.Proposal.Id) is { } round
                && round.Number > context.Reply.Round
                && !await db.Set<Reply>().AnyAsync(x => x.ProposalId == context.Proposal.Id && x.UnitId == context.Reply.UnitId && x.Round >= round.Number)
                    ? round.Number : null,
            Panel = new ReviewPanelModel
            {
                Document = document,
                BaseUrl = $"/admin/replies/{id}",
                Decisions = await Workflow.DecisionsAsync(document.Id),
                StageName = document.StageIndex is { } s ? stages[Math.Min(s, stages.Count - 1)].Name : null,
                CanEdit = isDrafter && DocumentWorkflow.IsEditable(document),
                CanSubmit = isDrafter && document.Status is DocumentStatus.Draft or DocumentStatus.Returned,
                CanReview = await Workflow.CanReviewAsync(document, User),
                CanPublish = mayPublish && document.Status is DocumentStatus.Sent or DocumentStatus.Withheld or DocumentStatus.Unpublished,
                CanWithdraw = mayPublish && document.Status is DocumentStatus.Sent or DocumentStatus.Published,
            },
        };
    }

    private static string Heading(ReplyContext context) => $"{context.Proposal.Session.Name}第{context.Proposal.Number}号{context.Proposal.KindName}的答复";
}
