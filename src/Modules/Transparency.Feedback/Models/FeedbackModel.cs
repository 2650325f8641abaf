using Microsoft.EntityFrameworkCore;

namespace Transparency.Feedback.Models;

/// <summary>The module's tables, all prefixed <c>feedback_</c>. Proposal, representative, reply and unit ids are kept without foreign keys (other modules' tables).</summary>
internal static class FeedbackModel
{
    public const int MaxComment = 1000;
    public const int MaxReason = 500;
    public const int MaxCommitment = 500;
    public const int MaxEvidence = 1000;

    public static void Configure(ModelBuilder b)
    {
        b.Entity<FeedbackRound>(e =>
        {
            e.ToTable("feedback_rounds");
            e.HasIndex(x => new { x.ProposalId, x.Number }).IsUnique();
        });
        b.Entity<FeedbackInvitation>(e =>
        {
            e.ToTable("feedback_invitations");
            e.Property(x => x.CreatedBy).HasMaxLength(256);
            e.Property(x => x.RevokedBy).HasMaxLength(256);
            e.HasIndex(x => new { x.ProposalId, x.RepresentativeId, x.Round });
        });
        b.Entity<FeedbackRating>(e =>
        {
            e.ToTable("feedback_ratings");
            foreach (var name in new[] { nameof(FeedbackRating.Overall), nameof(FeedbackRating.Communication), nameof(FeedbackRating.Attitude), nameof(FeedbackRating.Result) })
            {
                e.Property<Satisfaction>(name).HasConversion<string>().HasMaxLength(24);
            }

            e.Property(x => x.Channel).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Comment).HasMaxLength(MaxComment);
            e.Property(x => x.EnteredBy).HasMaxLength(256);
            e.Property(x => x.ScanFileName).HasMaxLength(255);
            e.Property(x => x.ScanStoredName).HasMaxLength(64);
            e.Property(x => x.ScanContentType).HasMaxLength(100);

            // One rating per representative per round, also under concurrent submissions.
            e.HasIndex(x => new { x.ProposalId, x.RepresentativeId, x.Round }).IsUnique();
        });
        b.Entity<FeedbackCorrection>(e =>
        {
            e.ToTable("feedback_corrections");
            foreach (var name in new[] { nameof(FeedbackCorrection.Overall), nameof(FeedbackCorrection.Communication), nameof(FeedbackCorrection.Attitude), nameof(FeedbackCorrection.Result) })
            {
                e.Property<Satisfaction>(name).HasConversion<string>().HasMaxLength(24);
            }

            e.Property(x => x.Reason).HasMaxLength(MaxReason);
            e.Property(x => x.CorrectedBy).HasMaxLength(256);
            e.HasIndex(x => x.RatingId);
            e.HasOne<FeedbackRating>().WithMany().HasForeignKey(x => x.RatingId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<Commitment>(e =>
        {
            e.ToTable("feedback_commitments");
            e.Property(x => x.Text).HasMaxLength(MaxCommitment);
            e.Property(x => x.Evidence).HasMaxLength(MaxEvidence);
            e.Property(x => x.CreatedBy).HasMaxLength(256);
            e.Property(x => x.DoneBy).HasMaxLength(256);
            e.HasIndex(x => x.ReplyId);
            e.HasIndex(x => x.ProposalId);
            e.HasIndex(x => new { x.DoneOn, x.DueOn });
        });
    }
}
