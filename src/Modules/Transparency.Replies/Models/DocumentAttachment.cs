namespace Transparency.Replies.Models;

/// <summary>A file attached to a document (PDF, DOCX, image), stored outside wwwroot.</summary>
public sealed class DocumentAttachment
{
    public int Id { get; set; }
    public int DocumentId { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }

    /// <summary>The generated name under the attachments folder.</summary>
    public string StoredName { get; set; } = "";

    public string UploadedBy { get; set; } = "";
    public DateTime UploadedUtc { get; set; }
}
