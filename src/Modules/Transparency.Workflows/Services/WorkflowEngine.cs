using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Transparency.Data;
using Transparency.Workflows.Definitions;
using Transparency.Workflows.Models;

namespace Transparency.Workflows.Services;

/// <summary>
/// Runs a workflow run from its start activity along the recorded outcomes. A completed activity is saved as a
/// <see cref="WorkflowRunStep"/> (unique per run and activity) in the same save as what it staged, so a run resumed
/// after a crash skips what was done and follows the outcome recorded then. A failure ends the run as Failed with
/// the message; the back office can retry it, which resumes at the failed activity.
/// </summary>
public sealed class WorkflowEngine(TransparencyDbContext db, ActivityExecutor executor, IOptions<WorkflowOptions> options, TimeProvider clock)
{
    public async Task RunAsync(WorkflowRun run, IReadOnlyDictionary<string, string?> values, Func<Task<bool>> keepLease, CancellationToken ct)
    {
        var (definition, errors) = DefinitionParser.Parse(run.DefinitionJson);
        run.Status = RunStatus.Running;
        run.StartedUtc ??= Now();
        run.Attempts++;
        await db.SaveChangesAsync(ct);
        try
        {
            if (definition is null)
            {
                throw new InvalidOperationException("流程定义无效：" + string.Join("；", errors));
            }

            var done = await db.Set<WorkflowRunStep>().AsNoTracking().Where(s => s.RunId == run.Id).ToDictionaryAsync(s => s.ActivityId, ct);
            var context = new ActivityContext(run, values, Model(run, values), keepLease);
            var current = definition.Start;
            while (current is not null)
            {
                var activity = definition[current];
                string outcome;
                if (done.TryGetValue(current, out var step))
                {
                    outcome = step.Outcome;
                }
                else
                {
                    if (!await keepLease())
                    {
                        throw new LeaseLostException();
                    }

                    var result = await executor.ExecuteAsync(activity, context, ct);
                    db.Add(new WorkflowRunStep
                    {
                        RunId = run.Id,
                        ActivityId = activity.Id,
                        ActivityType = activity.Type,
                        Outcome = result.Outcome,
                        Detail = result.Detail is { Length: > 4000 } text ? text[..4000] : result.Detail,
                        CompletedUtc = Now(),
                    });
                    await db.SaveChangesAsync(ct); // the step and what the activity staged commit together
                    outcome = result.Outcome;
                }

                current = activity.Next.GetValueOrDefault(outcome);
            }

            run.Status = RunStatus.Succeeded;
            run.Error = null;
            run.FinishedUtc = Now();
            await db.SaveChangesAsync(ct);
        }
        catch (Exception e) when (e is not (OperationCanceledException or LeaseLostException))
        {
            // Drop whatever the failed activity staged; record the failure on a fresh copy of the run.
            db.ChangeTracker.Clear();
            var failed = await db.Set<WorkflowRun>().FirstAsync(r => r.Id == run.Id, CancellationToken.None);
            failed.Status = RunStatus.Failed;
            failed.Error = e.Message.Length > 2000 ? e.Message[..2000] : e.Message;
            failed.FinishedUtc = Now();
            await db.SaveChangesAsync(CancellationToken.None);
        }
    }

    private Dictionary<string, object?> Model(WorkflowRun run, IReadOnlyDictionary<string, string?> values) => new()
    {
        ["event"] = values.ToDictionary(v => v.Key, v => (object?)v.Value),
        ["workflow"] = run.WorkflowName,
        ["event_name"] = run.EventName,
        ["site_url"] = options.Value.SiteUrl.TrimEnd('/'),
    };

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}
