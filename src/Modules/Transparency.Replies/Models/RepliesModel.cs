using Microsoft.EntityFrameworkCore;

namespace Transparency.Replies.Models;

/// <summary>The module's tables, all prefixed <c>replies_</c>.</summary>
internal static class RepliesModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<ReviewedDocument>(e =>
        {
            e.ToTable("replies_documents");
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(24);
            e.Property(x => x.NotPublicReason).HasMaxLength(500);
            e.HasIndex(x => new { x.Kind, x.Status });
            e.HasIndex(x => x.UnitId);
        });
        b.Entity<DocumentVersion>(e =>
        {
            e.ToTable("replies_document_versions");
            e.Property(x => x.State).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(2);
            e.Property(x => x.Title).HasMaxLength(300);
            e.Property(x => x.CreatedBy).HasMaxLength(256);
            e.Property(x => x.UpdatedBy).HasMaxLength(256);
            e.Property(x => x.Note).HasMaxLength(200);
            e.Property(x => x.Revision).IsConcurrencyToken();
            e.HasIndex(x => new { x.DocumentId, x.Number }).IsUnique();
            e.HasOne(x => x.Document).WithMany(d => d.Versions).HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<DocumentDecisionRecord>(e =>
        {
            e.ToTable("replies_decisions");
            e.Property(x => x.Action).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Stage).HasMaxLength(50);
            e.Property(x => x.Actor).HasMaxLength(256);
            e.Property(x => x.Comment).HasMaxLength(2000);
            e.HasIndex(x => x.DocumentId);
            e.HasOne<ReviewedDocument>().WithMany().HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<DocumentAttachment>(e =>
        {
            e.ToTable("replies_attachments");
            e.Property(x => x.FileName).HasMaxLength(255);
            e.Property(x => x.ContentType).HasMaxLength(100);
            e.Property(x => x.StoredName).HasMaxLength(64);
            e.Property(x => x.UploadedBy).HasMaxLength(256);
            e.HasIndex(x => x.DocumentId);
            e.HasOne<ReviewedDocument>().WithMany().HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<PersonalDataRecord>(e =>
        {
            e.ToTable("replies_personal_data");
            e.Property(x => x.Kind).HasMaxLength(24);
            e.Property(x => x.Value).HasMaxLength(100);
            e.Property(x => x.Decision).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Actor).HasMaxLength(256);
            e.HasIndex(x => new { x.DocumentId, x.VersionNumber });
            e.HasOne<ReviewedDocument>().WithMany().HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<Reply>(e =>
        {
            e.ToTable("replies_replies");
            e.Property(x => x.DocumentNumber).HasMaxLength(100);
            e.Property(x => x.ContactPerson).HasMaxLength(50);
            e.Property(x => x.ContactPhone).HasMaxLength(50);
            e.Property(x => x.SentChannel).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.SentBy).HasMaxLength(256);
            e.HasIndex(x => x.DocumentId).IsUnique();
            e.HasIndex(x => new { x.ProposalId, x.UnitId, x.Round }).IsUnique();
            e.HasOne(x => x.Document).WithMany().HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<HandlingSummary>(e =>
        {
            e.ToTable("replies_summaries");
            e.HasIndex(x => x.DocumentId).IsUnique();
            e.HasIndex(x => x.SessionId).IsUnique();
            e.HasOne(x => x.Document).WithMany().HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
