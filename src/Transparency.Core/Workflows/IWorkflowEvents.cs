namespace Transparency.Core.Workflows;

/// <summary>
/// The workflow outbox: a module stages an event in the same unit of work as the change it announces, so the event is
/// recorded if and only if the change commits. The workflows module runs what it triggers afterwards, in the
/// background, exactly once per workflow and activity.
/// </summary>
public interface IWorkflowEvents
{
    /// <summary>Stages the event in the caller's unit of work; the caller saves.</summary>
    /// <param name="workflowEvent">The event.</param>
    void Stage(WorkflowEvent workflowEvent);
}

/// <summary>Used when the workflows module is disabled: events are dropped.</summary>
public sealed class NullWorkflowEvents : IWorkflowEvents
{
    /// <inheritdoc />
    public void Stage(WorkflowEvent workflowEvent)
    {
    }
}
