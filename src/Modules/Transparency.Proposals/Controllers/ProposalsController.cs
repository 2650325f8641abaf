using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Transparency.Core.Audit;
using Transparency.Core.Calendar;
using Transparency.Core.Hosting;
using Transparency.Core.Security;
using Transparency.Core.Units;
using Transparency.Data;
using Transparency.Proposals.Models;
using Transparency.Proposals.Services;
using Transparency.Proposals.ViewModels;

namespace Transparency.Proposals.Controllers;

/// <summary>The proposal registry: list, register, edit, details with deadlines, assignment, status, audit.</summary>
[Admin]
[Route("admin/proposals")]
[RequirePermission(ProposalsPermissions.View)]
public sealed class ProposalsController(
    TransparencyDbContext db,
    ProposalScope scope,
    ProposalRegistrar registrar,
    AssignmentService assignments,
    ProposalLifecycle lifecycle,
    IPermissionService permissions,
    IUnitDirectory units,
    IWorkingDayCalendar calendar,
    IAuditTrailReader auditReader,
    TimeProvider clock) : Controller
{
    private const int PageSize = 30;

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] ProposalFilter filter)
    {
        filter.Page = Math.Clamp(filter.Page, 1, 10_000);
        var query = ProposalQueries.Filter(await scope.VisibleAsync(User), filter, clock.Today());
        var total = await query.CountAsync();
        var page = await query
            .OrderByDescending(p => p.Session.Year).ThenBy(p => p.Number)
            .Skip((filter.Page - 1) * PageSize).Take(PageSize)
            .Select(p => new
            {
                p.Id, Session = p.Session.Name, p.Number, p.Title, p.Kind, Category = p.Category!.Name, p.Status, p.IsKey,
                Lead = p.Representatives.OrderBy(r => r.Position).Select(r => r.Representative.Name).FirstOrDefault(),
                Assignments = p.Assignments.Where(a => a.Status != AssignmentStatus.Replaced).Select(a => new { a.UnitId, a.Role, a.DueOn }).ToList(),
            })
            .AsSplitQuery()
            .ToListAsync();
        return View(new ProposalListViewModel
        {
            Filter = filter,
            Total = total,
            PageSize = PageSize,
            Rows = page.Select(p => new ProposalRow(p.Id, p.Session, p.Number, p.Title, p.Kind, p.Category, p.Status, p.IsKey, p.Lead ?? "",
                p.Assignments.Select(a => (a.UnitId, a.Role, a.DueOn)).ToList())).ToList(),
            Sessions = await db.Set<Session>().AsNoTracking().OrderByDescending(s => s.Year).ToListAsync(),
            Categories = await db.Set<Category>().AsNoTracking().OrderBy(c => c.SortOrder).ToListAsync(),
            Units = (await units.ListAsync()).ToDictionary(u => u.Id),
            CanRegister = await permissions.HasPermissionAsync(User, ProposalsPermissions.Register),
        });
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Details(int id)
    {
        var proposal = await scope.FindAsync(id, User);
        if (proposal is null)
        {
            return NotFound();
        }

        var unitInfo = (await units.ListAsync()).ToDictionary(u => u.Id);
        var deadlines = new List<AssignmentDeadline>();
        foreach (var a in proposal.Assignments.OrderBy(a => a.Role).ThenBy(a => a.Id))
        {
            var months = a.Role == HandlingRole.Co ? proposal.Session.CoOpinionMonths : proposal.Session.ReplyMonths;
            deadlines.Add(new AssignmentDeadline(a, unitInfo[a.UnitId], months, await calendar.AddMonthsAsync(a.AssignedOn, months)));
        }

        var next = new List<ProposalStatus>();
        foreach (var status in ProposalLifecycle.NextStatuses(proposal.Status))
        {
            if (await permissions.HasPermissionAsync(User, ProposalLifecycle.PermissionFor(status)))
            {
                next.Add(status);
            }
        }

        return View(new ProposalDetailsViewModel
        {
            Proposal = proposal,
            Deadlines = deadlines,
            NextStatuses = next,
            CanEdit = await permissions.HasPermissionAsync(User, ProposalsPermissions.Register),
            CanAssign = proposal.Status == ProposalStatus.Registered && await permissions.HasPermissionAsync(User, ProposalsPermissions.Assign),
            MergedInto = proposal.MergedIntoId is { } m ? await (await scope.VisibleAsync(User)).AsNoTracking().FirstOrDefaultAsync(p => p.Id == m) : null,
        });
    }

    [HttpGet("{id:int}/audit")]
    public async Task<IActionResult> Audit(int id)
    {
        var proposal = await scope.FindAsync(id, User);
        return proposal is null
            ? NotFound()
            : View(new ProposalAuditViewModel { Proposal = proposal, Events = await auditReader.ForSubjectAsync(Proposal.SubjectId(id)) });
    }

    [HttpGet("create")]
    [RequirePermission(ProposalsPermissions.Register)]
    public async Task<IActionResult> Create()
        => View("Edit", await FillAsync(new ProposalEditViewModel { ReceivedOn = clock.Today() }));

    [HttpPost("create")]
    [RequirePermission(ProposalsPermissions.Register)]
    public async Task<IActionResult> Create(ProposalEditViewModel model)
    {
        if (ModelState.IsValid)
        {
            try
            {
                var proposal = await registrar.RegisterAsync(Input(model));
                return RedirectToAction(nameof(Details), new { id = proposal.Id });
            }
            catch (ProposalRuleException e)
            {
                ModelState.AddModelError(e.Field, e.Message);
            }
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Edit", await FillAsync(model));
    }

    [HttpGet("{id:int}/edit")]
    [RequirePermission(ProposalsPermissions.Register)]
    public async Task<IActionResult> Edit(int id)
    {
        var p = await scope.FindAsync(id, User);
        if (p is null)
        {
            return NotFound();
        }

        return View(await FillAsync(new ProposalEditViewModel
        {
            Id = p.Id, SessionId = p.SessionId, Kind = p.Kind, Number = p.Number, Title = p.Title, Body = p.Body,
            CategoryId = p.CategoryId, IsKey = p.IsKey, ReceivedOn = p.ReceivedOn,
            RepresentativeIds = [.. p.Representatives.OrderBy(r => r.Position).Select(r => r.RepresentativeId)],
        }));
    }

    [HttpPost("{id:int}/edit")]
    [RequirePermission(ProposalsPermissions.Register)]
    public async Task<IActionResult> Edit(int id, ProposalEditViewModel model)
    {
        var proposal = await scope.FindAsync(id, User);
        if (proposal is null)
        {
            return NotFound();
        }

        model.Id = id;
        if (ModelState.IsValid)
        {
            try
            {
                await registrar.UpdateAsync(proposal, Input(model));
                return RedirectToAction(nameof(Details), new { id });
            }
            catch (ProposalRuleException e)
            {
                ModelState.AddModelError(e.Field, e.Message);
            }
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(await FillAsync(model));
    }

    [HttpGet("{id:int}/assign")]
    [RequirePermission(ProposalsPermissions.Assign)]
    public async Task<IActionResult> Assign(int id)
    {
        var proposal = await scope.FindAsync(id, User);
        return proposal is null
            ? NotFound()
            : View(new AssignViewModel { Proposal = proposal, AssignedOn = clock.Today(), Units = await units.ListAsync() });
    }

    [HttpPost("{id:int}/assign")]
    [RequirePermission(ProposalsPermissions.Assign)]
    public async Task<IActionResult> Assign(int id, AssignViewModel model)
    {
        var proposal = await scope.FindAsync(id, User);
        if (proposal is null)
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            try
            {
                await assignments.AssignAsync(proposal, new AssignmentPlan(model.LeadUnitId, model.CoUnitIds, model.SplitUnitIds, model.AssignedOn), User);
                return RedirectToAction(nameof(Details), new { id });
            }
            catch (ProposalRuleException e)
            {
                ModelState.AddModelError(e.Field, e.Message);
            }
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        model.Proposal = proposal;
        model.Units = await units.ListAsync();
        return View(model);
    }

    [HttpPost("{id:int}/status")]
    public async Task<IActionResult> ChangeStatus(int id, ProposalStatus? to, string? comment)
    {
        var proposal = await scope.FindAsync(id, User);
        if (proposal is null)
        {
            return NotFound();
        }

        if (to is null)
        {
            return BadRequest("请选择要变更的状态。");
        }

        try
        {
            await lifecycle.TransitionAsync(proposal, to.Value, User, comment);
        }
        catch (UnauthorizedAccessException)
        {
            return Forbid();
        }
        catch (ProposalRuleException e)
        {
            return BadRequest(e.Message);
        }

        return RedirectToAction(nameof(Details), new { id });
    }

    private static ProposalInput Input(ProposalEditViewModel m)
        => new(m.SessionId, m.Kind, m.Number, m.Title, m.Body ?? "", m.CategoryId, m.IsKey, m.ReceivedOn, m.RepresentativeIds.Where(i => i > 0).ToList());

    private async Task<ProposalEditViewModel> FillAsync(ProposalEditViewModel model)
    {
        model.Sessions = await db.Set<Session>().AsNoTracking().OrderByDescending(s => s.Year).ToListAsync();
        model.Categories = await db.Set<Category>().AsNoTracking().OrderBy(c => c.SortOrder).ToListAsync();
        model.Representatives = await db.Set<Representative>().AsNoTracking().OrderBy(r => r.Name).ToListAsync();
        return model;
    }
}
