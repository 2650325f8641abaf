using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Transparency.Core.Workflows;
using Transparency.Data;
using Transparency.Integration.Tests.Infrastructure;
using Transparency.Integration.Tests.Replies;
using Transparency.Workflows.Models;
using Transparency.Workflows.Services;

namespace Transparency.Integration.Tests.Workflows;

/// <summary>
/// The demo site with the workflow worker on, a loopback SMTP server and a stand-in for the external platform. Other
/// test sites leave the worker off (events are still recorded), so background notices cannot disturb their counts.
/// </summary>
public abstract class WorkflowSite(DatabaseKind kind) : RepliesSite(kind), IAsyncLifetime
{
    public SmtpSink Smtp { get; } = new();

    public HttpSink Platform { get; } = new();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Workflows:Worker"] = "true",
        ["Workflows:PollMilliseconds"] = "100",
        ["Workflows:LeaseSeconds"] = "3",
        ["Workflows:ReminderScanSeconds"] = "1",
        ["Workflows:HttpMaxAttempts"] = "2",
        ["Workflows:HttpBackoffMilliseconds"] = "50",
        ["Workflows:HttpTimeoutSeconds"] = "5",
        ["Workflows:SiteUrl"] = "https://jyta.example.gov.cn",
        ["Workflows:Smtp:Host"] = "127.0.0.1",
        ["Workflows:Smtp:Port"] = Smtp.Port.ToString(CultureInfo.InvariantCulture),
        ["Workflows:Smtp:Security"] = "None",
        ["Workflows:Smtp:MaxAttempts"] = "2",
        ["Workflows:Smtp:BackoffSeconds"] = "1",
    };

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
        await Platform.DisposeAsync();
    }

    /// <summary>Adds (or replaces) a workflow type from JSON, as the editor does.</summary>
    public async Task<int> SaveWorkflowAsync(string json)
    {
        using var scope = Factory.Services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<WorkflowTypeStore>();
        var db = scope.ServiceProvider.GetRequiredService<TransparencyDbContext>();
        var name = System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("name").GetString();
        var id = db.Set<WorkflowType>().Where(t => t.Name == name).Select(t => (int?)t.Id).FirstOrDefault();
        return (await store.SaveAsync(id, json, "tests")).Id;
    }

    /// <summary>Records an event as a module does: staged in a unit of work, then saved. Returns its outbox id.</summary>
    public async Task<long> RaiseAsync(string name, params (string Name, object? Value)[] values)
    {
        using var scope = Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TransparencyDbContext>();
        scope.ServiceProvider.GetRequiredService<IWorkflowEvents>().Stage(new WorkflowEvent(name, "test:1", WorkflowEvent.ValuesOf(values)));
        await db.SaveChangesAsync();
        return db.ChangeTracker.Entries<OutboxEvent>().Single().Entity.Id;
    }

    /// <summary>Waits until the runs of an outbox event have finished; returns them with their steps.</summary>
    public async Task<List<WorkflowRun>> FinishedRunsAsync(long outboxId, string workflow, int seconds = 20)
        => await WorkflowWait.UntilAsync(Factory, async db =>
        {
            var runs = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
                Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.Include(db.Set<WorkflowRun>(), r => r.Steps)
                    .Where(r => r.OutboxEventId == outboxId && r.WorkflowName == workflow));
            return runs.Count > 0 && runs.All(r => r.Status is RunStatus.Succeeded or RunStatus.Failed) ? runs : null;
        }, TimeSpan.FromSeconds(seconds), $"the runs of '{workflow}' for event {outboxId} did not finish");
}

/// <summary>Polls the database until a condition holds.</summary>
public static class WorkflowWait
{
    public static async Task<T> UntilAsync<T>(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> node, Func<TransparencyDbContext, Task<T?>> probe, TimeSpan limit, string what)
        where T : class
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            using (var scope = node.Services.CreateScope())
            {
                if (await probe(scope.ServiceProvider.GetRequiredService<TransparencyDbContext>()) is { } result)
                {
                    return result;
                }
            }

            if (clock.Elapsed > limit)
            {
                Assert.Fail($"{what} within {limit.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s");
            }

            await Task.Delay(100);
        }
    }

    public static async Task UntilAsync(Func<bool> condition, TimeSpan limit, string what)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > limit)
            {
                Assert.Fail($"{what} within {limit.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s");
            }

            await Task.Delay(100);
        }
    }
}

public sealed class WorkflowSqliteSite() : WorkflowSite(DatabaseKind.Sqlite);

public sealed class WorkflowPostgreSqlSite() : WorkflowSite(DatabaseKind.PostgreSql);
