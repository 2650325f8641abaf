using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Transparency.Search.Services;

/// <summary>
/// The background service on every node that tails the content-change log into this node's index (and rebuilds it when
/// asked or when it is missing or corrupt at start). It sleeps until woken by a local change or its short poll interval.
/// </summary>
public sealed class IndexingWorker(IndexMaintenance maintenance, IndexingSignal signal, SearchOptions options, ILogger<IndexingWorker> logger)
    : BackgroundService
{
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            maintenance.Start();
        }
#pragma warning disable CA1031 // e.g. the folder is locked by another process: log it, retry in the loop, keep the site up
        catch (Exception e)
#pragma warning restore CA1031
        {
            logger.LogError(e, "The search index at {Path} could not be opened; retrying", options.IndexPath);
        }

        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        var busyUntil = DateTime.UtcNow + options.BusyPeriod;
        while (!stoppingToken.IsCancellationRequested)
        {
            var more = false;
            try
            {
                more = await maintenance.RunOnceAsync(stoppingToken);
                failures = 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // the worker outlives a failed batch: it logs, waits and tries again
            catch (Exception e)
#pragma warning restore CA1031
            {
                failures++;
                logger.LogError(e, "Search indexing failed (attempt {Attempt}); retrying", failures);
                await WaitAsync(TimeSpan.FromSeconds(Math.Min(30, failures * 2)), stoppingToken);
            }

            if (!more)
            {
                var busy = DateTime.UtcNow < busyUntil;
                if (await WaitAsync(busy ? options.BusyPollInterval : options.PollInterval, stoppingToken, signal))
                {
                    busyUntil = DateTime.UtcNow + options.BusyPeriod;
                }
            }
        }
    }

    /// <summary>Waits; true when woken by the signal.</summary>
    private static async Task<bool> WaitAsync(TimeSpan delay, CancellationToken stoppingToken, IndexingSignal? signal = null)
    {
        try
        {
            if (signal is null)
            {
                await Task.Delay(delay, stoppingToken);
                return false;
            }

            return await signal.WaitAsync(delay, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
