using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Transparency.Core.Calendar;
using Transparency.Core.Workflows;
using Transparency.Data;
using Transparency.Workflows.Models;

namespace Transparency.Workflows.Services;

/// <summary>
/// The reminder timer. On the node that holds the <c>reminders</c> lease, every <c>Workflows:ReminderScanSeconds</c>, it
/// reads the open deadlines (<see cref="IDeadlineSource"/>) and records timer events in the outbox:
/// DeadlineApproaching when the working days left reach a threshold (default 14, 7, 1; the smallest threshold reached,
/// so a node that was down catches up with one reminder, not three), Overdue and CommitmentOverdue once each working
/// day after the date. Each event has a unique key (deadline, due date, threshold or day), so even two nodes scanning
/// at once record it once.
/// </summary>
public sealed class ReminderScanner(IServiceScopeFactory scopes, WorkflowSignal signal, IOptions<WorkflowOptions> options, TimeProvider clock)
{
    public const string LeaseName = "reminders";

    /// <summary>Scans when this node holds the lease and the last scan is older than the interval; returns the events recorded.</summary>
    public async Task<int> ScanIfDueAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var leases = scope.ServiceProvider.GetRequiredService<LeaseStore>();
        var settings = options.Value;
        if (!await leases.TryAcquireAsync(LeaseName, signal.Node, TimeSpan.FromSeconds(Math.Clamp(settings.LeaseSeconds, 1, 3600)), ct))
        {
            return 0;
        }

        var last = await leases.LastRunAsync(LeaseName, ct);
        if (last is { } at && Now() - at < TimeSpan.FromSeconds(Math.Max(1, settings.ReminderScanSeconds)))
        {
            return 0;
        }

        var recorded = await ScanAsync(scope.ServiceProvider, ct);
        await leases.MarkRunAsync(LeaseName, signal.Node, ct);
        if (recorded > 0)
        {
            signal.Nudge();
        }

        return recorded;
    }

    /// <summary>Records the reminders due today (China date) that are not recorded yet.</summary>
    public async Task<int> ScanAsync(IServiceProvider services, CancellationToken ct)
    {
        var calendar = services.GetRequiredService<IWorkingDayCalendar>();
        var db = services.GetRequiredService<TransparencyDbContext>();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);
        var workingDay = await calendar.IsWorkingDayAsync(today, ct);
        var thresholds = options.Value.Thresholds();
        var events = new List<WorkflowEvent>();
        foreach (var source in services.GetServices<IDeadlineSource>())
        {
            foreach (var deadline in await source.OpenDeadlinesAsync(today, ct))
            {
                if (await ReminderAsync(deadline, today, workingDay, thresholds, calendar, ct) is { } reminder)
                {
                    events.Add(reminder);
                }
            }
        }

        if (events.Count == 0)
        {
            return 0;
        }

        var keys = events.Select(e => e.UniqueKey!).ToList();
        var known = (await db.Set<OutboxEvent>().Where(e => keys.Contains(e.UniqueKey!)).Select(e => e.UniqueKey!).ToListAsync(ct)).ToHashSet();
        var now = clock.GetUtcNow().UtcDateTime;
        var fresh = events.Where(e => !known.Contains(e.UniqueKey!)).ToList();
        db.AddRange(fresh.Select(e => WorkflowEvents.ToRow(e, now)));
        try
        {
            await db.SaveChangesAsync(ct);
            return fresh.Count;
        }
        catch (DbUpdateException)
        {
            // Another node recorded some of them in between: record the rest one by one; the unique key refuses repeats.
            db.ChangeTracker.Clear();
            var count = 0;
            foreach (var e in fresh)
            {
                db.Add(WorkflowEvents.ToRow(e, now));
                try
                {
                    await db.SaveChangesAsync(ct);
                    count++;
                }
                catch (DbUpdateException)
                {
                    db.ChangeTracker.Clear();
                }
            }

            return count;
        }
    }

    private static async Task<WorkflowEvent?> ReminderAsync(
        OpenDeadline deadline, DateOnly today, bool workingDay, IReadOnlyList<int> thresholds, IWorkingDayCalendar calendar, CancellationToken ct)
    {
        var due = deadline.DueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var day = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var subject = $"proposal:{deadline.ProposalId}";
        if (deadline.Kind == DeadlineKind.Commitment)
        {
            return today > deadline.DueOn && workingDay
                ? new WorkflowEvent(WorkflowEventNames.CommitmentOverdue, subject, With(deadline.Values, ("daysOverdue", await calendar.CountWorkingDaysAsync(deadline.DueOn, today, ct))))
                {
                    UniqueKey = $"commitment:{deadline.Id}:{due}:{day}",
                }
                : null;
        }

        if (today > deadline.DueOn)
        {
            return workingDay
                ? new WorkflowEvent(WorkflowEventNames.Overdue, subject, With(deadline.Values, ("daysOverdue", await calendar.CountWorkingDaysAsync(deadline.DueOn, today, ct))))
                {
                    UniqueKey = $"overdue:{deadline.Id}:{due}:{day}",
                }
                : null;
        }

        var left = await calendar.CountWorkingDaysAsync(today, deadline.DueOn, ct);
        var reached = thresholds.Where(t => left <= t).ToList();
        if (reached.Count == 0 || left == 0)
        {
            return null;
        }

        var threshold = reached.Min();
        return new WorkflowEvent(WorkflowEventNames.DeadlineApproaching, subject, With(deadline.Values, ("workingDaysLeft", left), ("threshold", threshold)))
        {
            UniqueKey = $"approaching:{deadline.Id}:{due}:{threshold.ToString(CultureInfo.InvariantCulture)}",
        };
    }

    private static Dictionary<string, string?> With(IReadOnlyDictionary<string, string?> values, params (string Name, object? Value)[] more)
    {
        var all = new Dictionary<string, string?>(values, StringComparer.Ordinal);
        foreach (var (name, value) in WorkflowEvent.ValuesOf(more))
        {
            all[name] = value;
        }

        return all;
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}
