using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Transparency.Data;
using Transparency.Replies.Services;

namespace Transparency.Replies.Controllers;

/// <summary>Attachments of published replies, for everyone; anything else is 404 (indistinguishable from missing).</summary>
[AllowAnonymous]
public sealed class PublicAttachmentsController(TransparencyDbContext db, ReplyAttachments attachments) : Controller
{
    [HttpGet("replies/{id:int}/attachments/{attachmentId:int}")]
    public async Task<IActionResult> Download(int id, int attachmentId)
    {
        var documentId = await PublishedContent.PublicReplies(db)
            .Where(r => r.Id == id)
            .Select(r => (int?)r.DocumentId).FirstOrDefaultAsync();
        if (documentId is null)
        {
            return NotFound();
        }

        try
        {
            var (attachment, content) = await attachments.OpenAsync(documentId.Value, attachmentId);
            return File(content, attachment.ContentType, attachment.FileName);
        }
        catch (DocumentNotFoundException)
        {
            return NotFound();
        }
    }
}
