using Microsoft.EntityFrameworkCore;

namespace Transparency.Proposals.Models;

/// <summary>The module's tables, all prefixed <c>proposals_</c>.</summary>
internal static class ProposalsModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<Session>(e =>
        {
            e.ToTable("proposals_sessions");
            e.Property(x => x.Name).HasMaxLength(100);
            e.HasIndex(x => x.Name).IsUnique();
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        });
        b.Entity<Representative>(e =>
        {
            e.ToTable("proposals_representatives");
            e.Property(x => x.Name).HasMaxLength(50);
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Delegation).HasMaxLength(100);
            e.Property(x => x.Phone).HasMaxLength(50);
            e.Property(x => x.Email).HasMaxLength(256);
            e.Property(x => x.Address).HasMaxLength(200);
            e.Property(x => x.UserName).HasMaxLength(256);
            e.HasIndex(x => x.Name);
        });
        b.Entity<Category>(e =>
        {
            e.ToTable("proposals_categories");
            e.Property(x => x.Name).HasMaxLength(50);
            e.HasIndex(x => x.Name).IsUnique();
        });
        b.Entity<Proposal>(e =>
        {
            e.ToTable("proposals_proposals");
            e.Property(x => x.Number).HasMaxLength(20);
            e.Property(x => x.Title).HasMaxLength(200);
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(24);
            e.HasIndex(x => new { x.SessionId, x.Number }).IsUnique();
            e.HasIndex(x => x.Status);
            e.HasOne(x => x.Session).WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(x => x.Category).WithMany().HasForeignKey(x => x.CategoryId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Proposal>().WithMany().HasForeignKey(x => x.MergedIntoId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<ProposalRepresentative>(e =>
        {
            e.ToTable("proposals_proposal_representatives");
            e.HasKey(x => new { x.ProposalId, x.RepresentativeId });
            e.HasOne<Proposal>().WithMany(p => p.Representatives).HasForeignKey(x => x.ProposalId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(x => x.Representative).WithMany().HasForeignKey(x => x.RepresentativeId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => x.RepresentativeId);
        });
        b.Entity<Assignment>(e =>
        {
            e.ToTable("proposals_assignments");
            e.Property(x => x.Role).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.ReturnReason).HasMaxLength(1000);
            e.HasOne(x => x.Proposal).WithMany(p => p.Assignments).HasForeignKey(x => x.ProposalId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.UnitId, x.Status });
            e.HasIndex(x => x.DueOn);
        });
        b.Entity<DeadlineExtension>(e =>
        {
            e.ToTable("proposals_extensions");
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Reason).HasMaxLength(1000);
            e.Property(x => x.DecisionComment).HasMaxLength(1000);
            e.Property(x => x.RequestedBy).HasMaxLength(256);
            e.Property(x => x.DecidedBy).HasMaxLength(256);
            e.HasOne<Assignment>().WithMany(a => a.Extensions).HasForeignKey(x => x.AssignmentId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<Consultation>(e =>
        {
            e.ToTable("proposals_consultations");
            e.Property(x => x.Mode).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Stage).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Participants).HasMaxLength(500);
            e.Property(x => x.Notes).HasMaxLength(4000);
            e.Property(x => x.AttachmentName).HasMaxLength(200);
            e.Property(x => x.AttachmentPath).HasMaxLength(200);
            e.Property(x => x.RecordedBy).HasMaxLength(256);
            e.HasOne<Proposal>().WithMany().HasForeignKey(x => x.ProposalId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => x.ProposalId);
        });
        b.Entity<CoHandlingOpinion>(e =>
        {
            e.ToTable("proposals_co_opinions");
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Text).HasMaxLength(20000);
            e.Property(x => x.SubmittedBy).HasMaxLength(256);
            e.HasOne(x => x.Assignment).WithMany().HasForeignKey(x => x.AssignmentId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => x.AssignmentId).IsUnique();
        });
    }
}
