using Microsoft.EntityFrameworkCore;

namespace Transparency.Workflows.Models;

/// <summary>The module's tables, all prefixed <c>workflows_</c>.</summary>
public static class WorkflowsModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        var type = modelBuilder.Entity<WorkflowType>();
        type.ToTable("workflows_types");
        type.Property(x => x.Name).HasMaxLength(WorkflowType.NameMaxLength).IsRequired();
        type.Property(x => x.Event).HasMaxLength(50).IsRequired();
        type.Property(x => x.UpdatedBy).HasMaxLength(256).IsRequired();
        type.HasIndex(x => x.Name).IsUnique();
        type.HasIndex(x => new { x.Event, x.Enabled });

        var outbox = modelBuilder.Entity<OutboxEvent>();
        outbox.ToTable("workflows_outbox");
        outbox.Property(x => x.EventName).HasMaxLength(50).IsRequired();
        outbox.Property(x => x.Subject).HasMaxLength(100).IsRequired();
        outbox.Property(x => x.UniqueKey).HasMaxLength(OutboxEvent.UniqueKeyMaxLength);
        outbox.Property(x => x.LeaseHolder).HasMaxLength(100);
        outbox.HasIndex(x => x.UniqueKey).IsUnique();
        outbox.HasIndex(x => new { x.Status, x.Id });

        var run = modelBuilder.Entity<WorkflowRun>();
        run.ToTable("workflows_runs");
        run.Property(x => x.WorkflowName).HasMaxLength(WorkflowType.NameMaxLength).IsRequired();
        run.Property(x => x.EventName).HasMaxLength(50).IsRequired();
        run.Property(x => x.Subject).HasMaxLength(100).IsRequired();
        run.Property(x => x.Error).HasMaxLength(2000);
        run.HasIndex(x => new { x.OutboxEventId, x.WorkflowTypeId }).IsUnique();
        run.HasIndex(x => new { x.Status, x.Id });
        run.HasMany(x => x.Steps).WithOne().HasForeignKey(x => x.RunId).OnDelete(DeleteBehavior.Cascade);

        var step = modelBuilder.Entity<WorkflowRunStep>();
        step.ToTable("workflows_run_steps");
        step.Property(x => x.ActivityId).HasMaxLength(50).IsRequired();
        step.Property(x => x.ActivityType).HasMaxLength(50).IsRequired();
        step.Property(x => x.Outcome).HasMaxLength(50).IsRequired();
        step.Property(x => x.Detail).HasMaxLength(4000);
        step.HasIndex(x => new { x.RunId, x.ActivityId }).IsUnique();

        var mail = modelBuilder.Entity<OutgoingMail>();
        mail.ToTable("workflows_mails");
        mail.Property(x => x.IdempotencyKey).HasMaxLength(OutgoingMail.KeyMaxLength).IsRequired();
        mail.Property(x => x.To).HasMaxLength(320).IsRequired();
        mail.Property(x => x.Subject).HasMaxLength(500).IsRequired();
        mail.Property(x => x.LastError).HasMaxLength(2000);
        mail.Property(x => x.LeaseHolder).HasMaxLength(100);
        mail.Ignore(x => x.MessageId);
        mail.HasIndex(x => x.IdempotencyKey).IsUnique();
        mail.HasIndex(x => new { x.Status, x.NextAttemptUtc });

        var lease = modelBuilder.Entity<Lease>();
        lease.ToTable("workflows_leases");
        lease.HasKey(x => x.Name);
        lease.Property(x => x.Name).HasMaxLength(Lease.NameMaxLength);
        lease.Property(x => x.Holder).HasMaxLength(100).IsRequired();
    }
}
