namespace Transparency.Search.Services;

/// <summary>Wakes this node's indexing worker (a local change was saved, a rebuild was asked for) instead of waiting for its next poll.</summary>
public sealed class IndexingSignal : IDisposable
{
    private readonly SemaphoreSlim _semaphore = new(0, 1);
    private readonly Lock _gate = new();

    public void Nudge()
    {
        lock (_gate)
        {
            if (_semaphore.CurrentCount == 0)
            {
                _semaphore.Release();
            }
        }
    }

    /// <summary>Waits for a nudge (true) or for <paramref name="timeout"/> (false), whichever comes first.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _semaphore.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _semaphore.Dispose();
}
