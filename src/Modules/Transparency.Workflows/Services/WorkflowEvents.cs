using System.Text.Json;
using Transparency.Core.Workflows;
using Transparency.Data;
using Transparency.Workflows.Models;

namespace Transparency.Workflows.Services;

/// <summary>
/// <see cref="IWorkflowEvents"/> as rows of <c>workflows_outbox</c>, added to the caller's DbContext so they commit or roll
/// back with the change; once that context has saved, this node's worker is woken.
/// </summary>
public sealed class WorkflowEvents(TransparencyDbContext db, TimeProvider clock, WorkflowSignal signal) : IWorkflowEvents
{
    private bool _listening;

    public void Stage(WorkflowEvent workflowEvent)
    {
        ArgumentNullException.ThrowIfNull(workflowEvent);
        db.Add(ToRow(workflowEvent, clock.GetUtcNow().UtcDateTime));
        if (!_listening)
        {
            db.SavedChanges += (_, _) => signal.Nudge();
            _listening = true;
        }
    }

    /// <summary>The outbox row of an event.</summary>
    public static OutboxEvent ToRow(WorkflowEvent workflowEvent, DateTime now)
    {
        if (!WorkflowEventNames.All.Contains(workflowEvent.Name))
        {
            throw new ArgumentException($"Unknown workflow event '{workflowEvent.Name}'.", nameof(workflowEvent));
        }

        return new OutboxEvent
        {
            EventName = workflowEvent.Name,
            Subject = workflowEvent.Subject.Length > 100 ? workflowEvent.Subject[..100] : workflowEvent.Subject,
            ValuesJson = JsonSerializer.Serialize(workflowEvent.Values, Definitions.DefinitionWriter.Compact),
            UniqueKey = workflowEvent.UniqueKey,
            Status = OutboxStatus.Pending,
            CreatedUtc = now,
        };
    }

    /// <summary>The values of an outbox row.</summary>
    public static Dictionary<string, string?> ValuesOf(OutboxEvent row)
        => JsonSerializer.Deserialize<Dictionary<string, string?>>(row.ValuesJson) ?? [];
}
