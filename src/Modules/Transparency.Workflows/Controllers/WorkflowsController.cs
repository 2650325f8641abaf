using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Transparency.Core.Audit;
using Transparency.Core.Hosting;
using Transparency.Core.Security;
using Transparency.Data;
using Transparency.Workflows.Models;
using Transparency.Workflows.Recipes;
using Transparency.Workflows.Services;
using Transparency.Workflows.ViewModels;

namespace Transparency.Workflows.Controllers;

/// <summary>Workflow types (JSON editor that explains errors), runs (with retry) and the e-mail outbox (with retry).</summary>
[Admin]
[Route("admin/workflows")]
[RequirePermission(WorkflowsPermissions.Manage)]
public sealed class WorkflowsController(
    TransparencyDbContext db, WorkflowTypeStore store, WorkflowSignal signal, IAuditTrail audit, IOptions<WorkflowOptions> options, TimeProvider clock)
    : Controller
{
    public const int PageSize = 100;

    private const string Template = """
        {
          "name": "新的工作流程",
          "event": "ReplySent",
          "enabled": true,
          "start": "log",
          "activities": [
            { "id": "log", "type": "Log", "message": "第{{ event.number }}号：{{ event_name }}" }
          ]
        }
        """;

    private string Me => User.Identity?.Name ?? "";

    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var ct = HttpContext.RequestAborted;
        return View(new WorkflowListViewModel
        {
            Types = await db.Set<WorkflowType>().AsNoTracking().OrderBy(t => t.Event).ThenBy(t => t.Name).ToListAsync(ct),
            PendingEvents = await db.Set<OutboxEvent>().CountAsync(e => e.Status != OutboxStatus.Done, ct),
            FailedRuns = await db.Set<WorkflowRun>().CountAsync(r => r.Status == RunStatus.Failed, ct),
            PendingMails = await db.Set<OutgoingMail>().CountAsync(m => m.Status == MailStatus.Pending, ct),
            FailedMails = await db.Set<OutgoingMail>().CountAsync(m => m.Status == MailStatus.Failed, ct),
        });
    }

    [HttpGet("create")]
    public IActionResult Create() => View("Edit", new WorkflowEditViewModel { Json = Template });

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Edit(int id)
    {
        var type = await db.Set<WorkflowType>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, HttpContext.RequestAborted);
        return type is null ? NotFound() : View(new WorkflowEditViewModel { Id = id, Json = type.DefinitionJson });
    }

    /// <summary>Saves the JSON of a new (<paramref name="id"/> absent) or existing type; problems are listed with their fields (400).</summary>
    [HttpPost("save")]
    public async Task<IActionResult> Save(int? id, string? json)
    {
        try
        {
            var type = await store.SaveAsync(id, json, Me, HttpContext.RequestAborted);
            TempData["Message"] = "工作流程已保存。";
            return RedirectToAction(nameof(Edit), new { id = type.Id });
        }
        catch (WorkflowDefinitionException e)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Edit", new WorkflowEditViewModel { Id = id, Json = json ?? "", Errors = e.Errors });
        }
        catch (KeyNotFoundException)
        {
            return NotFound();
        }
    }

    [HttpPost("{id:int}/delete")]
    public async Task<IActionResult> Delete(int id)
    {
        try
        {
            await store.DeleteAsync(id, Me, HttpContext.RequestAborted);
        }
        catch (KeyNotFoundException)
        {
            return NotFound();
        }

        TempData["Message"] = "工作流程已删除。";
        return RedirectToAction(nameof(Index));
    }

    /// <summary>Every type as a recipe with one <c>Workflows</c> step.</summary>
    [HttpGet("export")]
    public async Task<IActionResult> Export()
    {
        var definitions = await db.Set<WorkflowType>().AsNoTracking().OrderBy(t => t.Id).Select(t => t.DefinitionJson).ToListAsync(HttpContext.RequestAborted);
        return File(Encoding.UTF8.GetBytes(WorkflowsStep.Export(definitions)), "application/json", "workflows.recipe.json");
    }

    [HttpGet("runs")]
    public async Task<IActionResult> Runs(string? status)
    {
        RunStatus? filter = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (!Enum.TryParse<RunStatus>(status, ignoreCase: false, out var parsed) || !Enum.IsDefined(parsed))
            {
                return BadRequest(new ValidationProblemDetails(new Dictionary<string, string[]> { ["status"] = ["status 只能是 Pending、Running、Succeeded 或 Failed。"] }));
            }

            filter = parsed;
        }

        var query = db.Set<WorkflowRun>().AsNoTracking();
        if (filter is { } s)
        {
            query = query.Where(r => r.Status == s);
        }

        var runs = await query.OrderByDescending(r => r.Id).Take(PageSize).ToListAsync(HttpContext.RequestAborted);
        return View(new RunListViewModel { Runs = runs, Status = filter });
    }

    [HttpGet("runs/{id:long}")]
    public async Task<IActionResult> Run(long id)
    {
        var run = await db.Set<WorkflowRun>().AsNoTracking().Include(r => r.Steps).FirstOrDefaultAsync(r => r.Id == id, HttpContext.RequestAborted);
        if (run is null)
        {
            return NotFound();
        }

        var row = await db.Set<OutboxEvent>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == run.OutboxEventId, HttpContext.RequestAborted);
        return View(new RunViewModel { Run = run, Event = row });
    }

    /// <summary>Gives a failed run back to the worker: it resumes at the activity that failed (done ones are not repeated).</summary>
    [HttpPost("runs/{id:long}/retry")]
    public async Task<IActionResult> Retry(long id)
    {
        var ct = HttpContext.RequestAborted;
        await using var unit = await UnitOfWork.BeginAsync(db, ct);
        var run = await db.Set<WorkflowRun>().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (run is null)
        {
            return NotFound();
        }

        if (run.Status != RunStatus.Failed)
        {
            TempData["Message"] = "只有失败的运行可以重试。";
            return RedirectToAction(nameof(Run), new { id });
        }

        run.Status = RunStatus.Pending;
        run.Error = null;
        run.FinishedUtc = null;
        await db.Set<OutboxEvent>().Where(e => e.Id == run.OutboxEventId).ExecuteUpdateAsync(s => s
            .SetProperty(e => e.Status, OutboxStatus.Pending)
            .SetProperty(e => e.LeaseHolder, (string?)null)
            .SetProperty(e => e.LeaseExpiresUtc, (DateTime?)null), ct);
        audit.Record(new AuditEntry("Workflows", "RunRetried", $"workflow-run:{id}", $"重试工作流程“{run.WorkflowName}”的运行 #{id}", Me)
        {
            FromState = nameof(RunStatus.Failed),
            ToState = nameof(RunStatus.Pending),
        });
        await db.SaveChangesAsync(ct);
        await unit.CommitAsync(ct);
        signal.Nudge();
        TempData["Message"] = "已重新排队，稍后自动执行。";
        return RedirectToAction(nameof(Run), new { id });
    }

    [HttpGet("outbox")]
    public async Task<IActionResult> Outbox()
    {
        var ct = HttpContext.RequestAborted;
        return View(new OutboxViewModel
        {
            Mails = await db.Set<OutgoingMail>().AsNoTracking()
                .OrderBy(m => m.Status == MailStatus.Failed ? 0 : m.Status == MailStatus.Pending ? 1 : 2).ThenByDescending(m => m.Id)
                .Take(PageSize).ToListAsync(ct),
            PendingEvents = await db.Set<OutboxEvent>().AsNoTracking().Where(e => e.Status != OutboxStatus.Done).OrderBy(e => e.Id).Take(PageSize).ToListAsync(ct),
            SmtpConfigured = !string.IsNullOrWhiteSpace(options.Value.Smtp.Host),
        });
    }

    /// <summary>Queues a failed (or waiting) mail again at once, with its attempts counted from zero.</summary>
    [HttpPost("mails/{id:long}/retry")]
    public async Task<IActionResult> RetryMail(long id)
    {
        var ct = HttpContext.RequestAborted;
        var mail = await db.Set<OutgoingMail>().FirstOrDefaultAsync(m => m.Id == id, ct);
        if (mail is null)
        {
            return NotFound();
        }

        if (mail.Status == MailStatus.Sent)
        {
            TempData["Message"] = "该邮件已发送，不能重发。";
            return RedirectToAction(nameof(Outbox));
        }

        var from = mail.Status;
        mail.Status = MailStatus.Pending;
        mail.Attempts = 0;
        mail.NextAttemptUtc = clock.GetUtcNow().UtcDateTime;
        mail.LeaseExpiresUtc = null;
        audit.Record(new AuditEntry("Workflows", "MailRetried", $"mail:{id}", $"重新发送邮件 #{id}（{mail.To}）", Me)
        {
            FromState = from.ToString(),
            ToState = nameof(MailStatus.Pending),
        });
        await db.SaveChangesAsync(ct);
        signal.Nudge();
        TempData["Message"] = "邮件已重新排队。";
        return RedirectToAction(nameof(Outbox));
    }
}
