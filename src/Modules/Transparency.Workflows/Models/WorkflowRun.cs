namespace Transparency.Workflows.Models;

/// <summary>Where a run stands.</summary>
public enum RunStatus
{
    Pending,
    Running,
    Succeeded,
    Failed,
}

/// <summary>One run of a workflow type for one outbox event (unique pair), with a snapshot of the definition it runs.</summary>
public sealed class WorkflowRun
{
    public long Id { get; set; }
    public long OutboxEventId { get; set; }
    public int WorkflowTypeId { get; set; }
    public string WorkflowName { get; set; } = "";
    public string EventName { get; set; } = "";
    public string Subject { get; set; } = "";

    /// <summary>The definition as it was when the run was created: editing the type does not change runs under way.</summary>
    public string DefinitionJson { get; set; } = "";

    public RunStatus Status { get; set; }
    public int Attempts { get; set; }
    public string? Error { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime? StartedUtc { get; set; }
    public DateTime? FinishedUtc { get; set; }
    public List<WorkflowRunStep> Steps { get; set; } = [];
}

/// <summary>
/// A completed activity of a run (unique per run and activity id): saved in the same transaction as what the activity
/// staged (notices, mails, a re-handling round), so a restarted run skips it and follows its recorded outcome.
/// </summary>
public sealed class WorkflowRunStep
{
    public long Id { get; set; }
    public long RunId { get; set; }
    public string ActivityId { get; set; } = "";
    public string ActivityType { get; set; } = "";
    public string Outcome { get; set; } = "";

    /// <summary>What it did: recipients, the HTTP response, the log line….</summary>
    public string? Detail { get; set; }

    public DateTime CompletedUtc { get; set; }
}
