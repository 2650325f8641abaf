using Microsoft.EntityFrameworkCore;
using Transparency.Core.Audit;
using Transparency.Core.Files;
using Transparency.Data;
using Transparency.Replies.Models;

namespace Transparency.Replies.Services;

/// <summary>
/// Files attached to a document (PDF, DOCX, JPG, PNG; at most 10 MB; content checked), stored outside wwwroot.
/// Callers check who may attach and who may download: staff who see the document, or everyone once it is published.
/// </summary>
public sealed class ReplyAttachments(TransparencyDbContext db, AttachmentStore store, IAuditTrail audit, TimeProvider clock)
{
    public async Task<IReadOnlyList<DocumentAttachment>> ListAsync(int documentId)
        => await db.Set<DocumentAttachment>().AsNoTracking().Where(a => a.DocumentId == documentId).OrderBy(a => a.Id).ToListAsync();

    public async Task<DocumentAttachment> AddAsync(ReviewedDocument document, string fileName, long length, Stream content, string actor)
    {
        if (!DocumentWorkflow.IsEditable(document))
        {
            throw new DocumentRuleException($"当前状态为“{StatusText.Of(document.Status)}”，不能添加附件。", "Attachment");
        }

        string name, stored;
        try
        {
            (name, stored) = await store.AcceptAsync(fileName, length, content);
        }
        catch (AttachmentRejectedException rejected)
        {
            throw new DocumentRuleException(rejected.Message, "Attachment");
        }

        var attachment = new DocumentAttachment
        {
            DocumentId = document.Id,
            FileName = name,
            ContentType = AttachmentTypes.ContentTypeOf(name),
            Size = length,
            StoredName = stored,
            UploadedBy = actor,
            UploadedUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(attachment);
        audit.Record(new AuditEntry("Replies", "AttachmentAdded", ReviewedDocument.SubjectId(document.Id), $"添加附件：{name}", actor));
        await db.SaveChangesAsync();
        return attachment;
    }

    public async Task DeleteAsync(ReviewedDocument document, int attachmentId, string actor)
    {
        if (!DocumentWorkflow.IsEditable(document))
        {
            throw new DocumentRuleException($"当前状态为“{StatusText.Of(document.Status)}”，不能删除附件。");
        }

        var attachment = await db.Set<DocumentAttachment>().FirstOrDefaultAsync(a => a.Id == attachmentId && a.DocumentId == document.Id)
            ?? throw new DocumentNotFoundException();
        db.Remove(attachment);
        audit.Record(new AuditEntry("Replies", "AttachmentDeleted", ReviewedDocument.SubjectId(document.Id), $"删除附件：{attachment.FileName}", actor));
        await db.SaveChangesAsync();
        store.Delete(attachment.StoredName);
    }

    /// <summary>The attachment of the document and its content; <see cref="DocumentNotFoundException"/> when either is missing.</summary>
    public async Task<(DocumentAttachment Attachment, Stream Content)> OpenAsync(int documentId, int attachmentId)
    {
        var attachment = await db.Set<DocumentAttachment>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == attachmentId && a.DocumentId == documentId)
            ?? throw new DocumentNotFoundException();
        return (attachment, store.OpenRead(attachment.StoredName) ?? throw new DocumentNotFoundException());
    }
}
