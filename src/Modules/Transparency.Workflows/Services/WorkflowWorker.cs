using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Transparency.Workflows.Services;

/// <summary>
/// The background worker on every node (unless <c>Workflows:Worker</c> is false): processes the outbox, sends queued
/// mails and runs the reminder scan when this node holds its lease. Woken at once for work recorded on this node,
/// otherwise every <c>Workflows:PollMilliseconds</c>. Being stopped mid-run loses nothing: leases run out and the
/// work is taken up again, here after a restart or on another node.
/// </summary>
public sealed class WorkflowWorker(
    OutboxProcessor outbox, MailQueue mails, ReminderScanner reminders, WorkflowSignal signal, IOptions<WorkflowOptions> options, ILogger<WorkflowWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Worker)
        {
            return;
        }

        await Task.Yield();
        var poll = TimeSpan.FromMilliseconds(Math.Clamp(options.Value.PollMilliseconds, 50, 600_000));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await reminders.ScanIfDueAsync(stoppingToken);
                while (await outbox.ProcessAsync(stoppingToken) == OutboxProcessor.BatchSize)
                {
                    // a full batch: there may be more
                }

                await mails.ProcessAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Workflow worker pass failed; trying again at the next poll");
            }

            try
            {
                await signal.WaitAsync(poll, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
