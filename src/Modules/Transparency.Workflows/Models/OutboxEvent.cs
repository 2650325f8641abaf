namespace Transparency.Workflows.Models;

/// <summary>Where an outbox event stands.</summary>
public enum OutboxStatus
{
    /// <summary>Recorded, not yet taken (or given back for a retry).</summary>
    Pending,

    /// <summary>Taken by a node under a lease; when the lease runs out another node takes it over.</summary>
    Running,

    /// <summary>Every run it started has finished (succeeded or failed).</summary>
    Done,
}

/// <summary>
/// An event in the workflow outbox (<c>workflows_outbox</c>): staged in the unit of work of the change it announces,
/// processed afterwards by one node at a time under a lease.
/// </summary>
public sealed class OutboxEvent
{
    public const int UniqueKeyMaxLength = 200;

    public long Id { get; set; }
    public string EventName { get; set; } = "";
    public string Subject { get; set; } = "";

    /// <summary>The event's values as a JSON object.</summary>
    public string ValuesJson { get; set; } = "{}";

    /// <summary>Timer events: one per deadline, threshold and day (unique), so two nodes cannot record the same reminder.</summary>
    public string? UniqueKey { get; set; }

    public OutboxStatus Status { get; set; }

    /// <summary>True once the runs of the workflow types listening at the first processing were created.</summary>
    public bool RunsCreated { get; set; }

    public int Attempts { get; set; }
    public string? LeaseHolder { get; set; }
    public DateTime? LeaseExpiresUtc { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime? ProcessedUtc { get; set; }
}
