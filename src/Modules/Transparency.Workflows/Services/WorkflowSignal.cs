namespace Transparency.Workflows.Services;

/// <summary>Wakes this node's worker when something was recorded here; other nodes find it at their next poll.</summary>
public sealed class WorkflowSignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    /// <summary>This node's name in leases: machine, process and a per-start id, so two hosts in one process differ.</summary>
    public string Node { get; } = Shorten($"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}");

    public void Nudge()
    {
        if (_signal.CurrentCount == 0)
        {
            try
            {
                _signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already nudged.
            }
        }
    }

    public void Dispose() => _signal.Dispose();

    private static string Shorten(string name) => name.Length <= 100 ? name : name[^100..];

    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
        => await _signal.WaitAsync(timeout, cancellationToken);
}
