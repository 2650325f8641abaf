using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Transparency.Data;
using Transparency.Workflows.Models;

namespace Transparency.Workflows.Services;

/// <summary>
/// Takes outbox events one at a time under a lease (a conditional UPDATE that only one node can win, on SQLite and
/// PostgreSQL alike), creates the runs of the workflow types that listen to the event, and runs them. An event whose
/// node died keeps its lease until it expires; then any node takes it over and the runs resume where they stopped.
/// </summary>
public sealed class OutboxProcessor(IServiceScopeFactory scopes, WorkflowSignal signal, IOptions<WorkflowOptions> options, TimeProvider clock)
{
    public const int BatchSize = 20;

    /// <summary>Processes what is due; returns how many events this node took.</summary>
    public async Task<int> ProcessAsync(CancellationToken ct)
    {
        List<long> ids;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TransparencyDbContext>();
            var now = Now();
            ids = await db.Set<OutboxEvent>().AsNoTracking()
                .Where(e => e.Status == OutboxStatus.Pending || (e.Status == OutboxStatus.Running && e.LeaseExpiresUtc < now))
                .OrderBy(e => e.Id).Select(e => e.Id).Take(BatchSize).ToListAsync(ct);
        }

        var taken = 0;
        foreach (var id in ids)
        {
            ct.ThrowIfCancellationRequested();
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TransparencyDbContext>();
            if (await ClaimAsync(db, id, ct))
            {
                taken++;
                await ProcessOneAsync(scope.ServiceProvider, db, id, ct);
            }
        }

        return taken;
    }

    private async Task<bool> ClaimAsync(TransparencyDbContext db, long id, CancellationToken ct)
    {
        var now = Now();
        var until = now.AddSeconds(LeaseSeconds);
        return await db.Set<OutboxEvent>()
            .Where(e => e.Id == id && (e.Status == OutboxStatus.Pending || (e.Status == OutboxStatus.Running && e.LeaseExpiresUtc < now)))
            .ExecuteUpdateAsync(s => s
                .SetProperty(e => e.Status, OutboxStatus.Running)
                .SetProperty(e => e.LeaseHolder, signal.Node)
                .SetProperty(e => e.LeaseExpiresUtc, until)
                .SetProperty(e => e.Attempts, e => e.Attempts + 1), ct) == 1;
    }

    private async Task ProcessOneAsync(IServiceProvider services, TransparencyDbContext db, long id, CancellationToken ct)
    {
        async Task<bool> KeepLease()
        {
            var until = Now().AddSeconds(LeaseSeconds);
            return await db.Set<OutboxEvent>().Where(e => e.Id == id && e.LeaseHolder == signal.Node && e.Status == OutboxStatus.Running)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.LeaseExpiresUtc, until), ct) == 1;
        }

        var row = await db.Set<OutboxEvent>().AsNoTracking().FirstAsync(e => e.Id == id, ct);
        if (!row.RunsCreated)
        {
            var types = await db.Set<WorkflowType>().AsNoTracking().Where(t => t.Enabled && t.Event == row.EventName).OrderBy(t => t.Id).ToListAsync(ct);
            var existing = await db.Set<WorkflowRun>().Where(r => r.OutboxEventId == id).Select(r => r.WorkflowTypeId).ToListAsync(ct);
            foreach (var type in types.Where(t => !existing.Contains(t.Id)))
            {
                db.Add(new WorkflowRun
                {
                    OutboxEventId = id,
                    WorkflowTypeId = type.Id,
                    WorkflowName = type.Name,
                    EventName = row.EventName,
                    Subject = row.Subject,
                    DefinitionJson = type.DefinitionJson,
                    Status = RunStatus.Pending,
                    CreatedUtc = Now(),
                });
            }

            await db.SaveChangesAsync(ct);
            await db.Set<OutboxEvent>().Where(e => e.Id == id).ExecuteUpdateAsync(s => s.SetProperty(e => e.RunsCreated, true), ct);
        }

        var engine = services.GetRequiredService<WorkflowEngine>();
        var values = WorkflowEvents.ValuesOf(row);
        var runs = await db.Set<WorkflowRun>().Where(r => r.OutboxEventId == id && (r.Status == RunStatus.Pending || r.Status == RunStatus.Running))
            .OrderBy(r => r.Id).ToListAsync(ct);
        foreach (var run in runs)
        {
            try
            {
                await engine.RunAsync(run, values, KeepLease, ct);
            }
            catch (LeaseLostException)
            {
                return; // the node that took the event over finishes it
            }
        }

        var now = Now();
        await db.Set<OutboxEvent>().Where(e => e.Id == id && e.LeaseHolder == signal.Node)
            .ExecuteUpdateAsync(s => s
                .SetProperty(e => e.Status, OutboxStatus.Done)
                .SetProperty(e => e.ProcessedUtc, now)
                .SetProperty(e => e.LeaseHolder, (string?)null)
                .SetProperty(e => e.LeaseExpiresUtc, (DateTime?)null), ct);
    }

    private int LeaseSeconds => Math.Clamp(options.Value.LeaseSeconds, 1, 3600);

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}
