using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Transparency.Core.Workflows;
using Transparency.Data;
using Transparency.Integration.Tests.Infrastructure;
using Transparency.Workflows.Models;
using Transparency.Workflows.Services;

namespace Transparency.Integration.Tests.Workflows;

/// <summary>
/// Durability: a node is stopped while a run waits on the external platform; another start on the same database takes
/// the event over when the lease runs out and finishes the run. Each activity is recorded once, the mail is sent once,
/// and the platform sees one idempotency key.
/// </summary>
public abstract class WorkflowCrashTests(DatabaseKind kind)
{
    [Fact]
    public async Task AfterAWorkerIsKilledMidRunEachActivityRunsExactlyOnceOnRestart()
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var smtp = new SmtpSink();
        await using var platform = new HttpSink();
        var settings = new Dictionary<string, string?>
        {
            ["Workflows:Worker"] = "true",
            ["Workflows:PollMilliseconds"] = "100",
            ["Workflows:LeaseSeconds"] = "2",
            ["Workflows:ReminderScanSeconds"] = "3600",
            ["Workflows:HttpMaxAttempts"] = "1",
            ["Workflows:HttpTimeoutSeconds"] = "60",
            ["Workflows:Smtp:Host"] = "127.0.0.1",
            ["Workflows:Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Workflows:Smtp:Security"] = "None",
        };

        long outboxId;
        var first = new SiteFactory(database, settings);
        try
        {
            using (var scope = first.Services.CreateScope())
            {
                await scope.ServiceProvider.GetRequiredService<WorkflowTypeStore>().SaveAsync(null, $$$"""
                    { "name": "崩溃测试", "event": "ReplySent", "start": "before",
                      "activities": [
                        { "id": "before", "type": "Log", "message": "开始上传第{{ event.number }}号", "next": { "Done": "mail" } },
                        { "id": "mail", "type": "SendEmail", "to": "platform-desk@example.cn", "subject": "第{{ event.number }}号答复已送达", "body": "答复已送达。", "next": { "Done": "upload" } },
                        { "id": "upload", "type": "HttpRequest", "url": "{{{platform.Url}}}", "body": "{ \"number\": \"{{ event.number }}\" }", "next": { "Succeeded": "after" } },
                        { "id": "after", "type": "Log", "message": "已上传第{{ event.number }}号" } ] }
                    """, "tests");
            }

            platform.Hold();
            using (var scope = first.Services.CreateScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<TransparencyDbContext>();
                scope.ServiceProvider.GetRequiredService<IWorkflowEvents>().Stage(new WorkflowEvent(WorkflowEventNames.ReplySent, "proposal:1",
                    WorkflowEvent.ValuesOf(("number", "0088"), ("replyId", 1), ("proposalId", 1))));
                await db.SaveChangesAsync();
                outboxId = db.ChangeTracker.Entries<OutboxEvent>().Single().Entity.Id;
            }

            // The run is inside the upload when the node goes down.
            await platform.HeldRequestArrived.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            await first.DisposeAsync();
        }

        platform.Release();
        var interrupted = await RunAsync(database, outboxId);
        Assert.Equal(RunStatus.Running, interrupted.Status);
        Assert.Equal(["before", "mail"], interrupted.Steps.OrderBy(s => s.Id).Select(s => s.ActivityId));

        await using var second = new SiteFactory(database, settings);
        _ = second.Server;
        await WorkflowWait.UntilAsync(second, async db => await db.Set<WorkflowRun>().AsNoTracking()
            .Where(r => r.OutboxEventId == outboxId && r.WorkflowName == "崩溃测试" && r.Status == RunStatus.Succeeded).FirstOrDefaultAsync(), TimeSpan.FromSeconds(30), "the run was not finished after the restart");
        await WorkflowWait.UntilAsync(() => smtp.To("platform-desk@example.cn").Count > 0, TimeSpan.FromSeconds(30), "the mail was not sent after the restart");
        await Task.Delay(TimeSpan.FromSeconds(2)); // time for any repeat to show

        var run = await RunAsync(database, outboxId, second);
        Assert.Equal(["before", "mail", "upload", "after"], run.Steps.OrderBy(s => s.Id).Select(s => s.ActivityId));
        Assert.Equal(4, run.Steps.Select(s => s.ActivityId).Distinct().Count());
        Assert.Equal(2, run.Attempts);
        Assert.Single(smtp.To("platform-desk@example.cn"));
        var mails = await Query(second, db => db.Set<OutgoingMail>().AsNoTracking().Where(m => m.RunId == run.Id).ToListAsync());
        Assert.Equal(MailStatus.Sent, Assert.Single(mails).Status);

        // The platform saw the interrupted request and its repeat: both with the activity's one idempotency key.
        var keys = platform.Requests.Select(r => r.Key).ToList();
        Assert.Equal(2, keys.Count);
        Assert.Equal($"wf-{outboxId}-{run.Id}-upload", Assert.Single(keys.Distinct()));
        var row = await Query(second, db => db.Set<OutboxEvent>().AsNoTracking().SingleAsync(e => e.Id == outboxId));
        Assert.Equal(OutboxStatus.Done, row.Status);
    }

    private static async Task<WorkflowRun> RunAsync(TestDatabase database, long outboxId, SiteFactory? node = null)
    {
        if (node is not null)
        {
            return await Query(node, db => db.Set<WorkflowRun>().Include(r => r.Steps).AsNoTracking().SingleAsync(r => r.OutboxEventId == outboxId && r.WorkflowName == "崩溃测试"));
        }

        // Read with a node whose worker is off, so nothing moves while we look.
        await using var reader = new SiteFactory(database);
        return await Query(reader, db => db.Set<WorkflowRun>().Include(r => r.Steps).AsNoTracking().SingleAsync(r => r.OutboxEventId == outboxId && r.WorkflowName == "崩溃测试"));
    }

    private static async Task<T> Query<T>(SiteFactory node, Func<TransparencyDbContext, Task<T>> query)
    {
        using var scope = node.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<TransparencyDbContext>());
    }
}

public sealed class WorkflowCrashTestsOnSqlite() : WorkflowCrashTests(DatabaseKind.Sqlite);

public sealed class WorkflowCrashTestsOnPostgreSql() : WorkflowCrashTests(DatabaseKind.PostgreSql);
