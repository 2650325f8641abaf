using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Transparency.Data;
using Transparency.Search.Models;

namespace Transparency.Search.Services;

/// <summary>What the admin page shows about this node's index, and (for tests) a way to wait until it has caught up.</summary>
public sealed class IndexStatus(IndexMaintenance maintenance, SearchIndex index, SearchOptions options, IndexingSignal signal, IServiceScopeFactory scopes)
{
    public async Task<IndexStatusReport> ReportAsync(CancellationToken cancellationToken = default)
        => new(index.DocumentCount, maintenance.Sequence, await HeadAsync(cancellationToken), maintenance.LastRebuildUtc,
            maintenance.RebuildPending, maintenance.LastError, options.IndexPath);

    /// <summary>
    /// Waits until this node's index has taken every log entry committed before the call (and any asked-for rebuild).
    /// For tests and tools; request handling never waits for the index.
    /// </summary>
    public async Task CatchUpAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var head = await HeadAsync(cancellationToken);
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        signal.Nudge();
        while (!index.IsOpen || maintenance.RebuildPending || maintenance.Sequence < head)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The search index did not catch up with the log (at {maintenance.Sequence} of {head}; rebuild pending: {maintenance.RebuildPending}; last error: {maintenance.LastError ?? "none"}).");
            }

            await Task.Delay(20, cancellationToken);
        }
    }

    private async Task<long> HeadAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TransparencyDbContext>();
        return await db.Set<IndexingTask>().MaxAsync(t => (long?)t.Id, cancellationToken) ?? 0;
    }
}

/// <summary>The state of this node's index.</summary>
/// <param name="Documents">Documents in the index.</param>
/// <param name="Sequence">The last log entry the index has taken.</param>
/// <param name="Head">The last entry in the log.</param>
/// <param name="LastRebuildUtc">When the index was last rebuilt (null: never on this node).</param>
/// <param name="Rebuilding">A rebuild is asked for or running.</param>
/// <param name="LastError">The last indexing failure, while it lasts.</param>
/// <param name="IndexPath">This node's index folder.</param>
public sealed record IndexStatusReport(int Documents, long Sequence, long Head, DateTime? LastRebuildUtc, bool Rebuilding, string? LastError, string IndexPath);
