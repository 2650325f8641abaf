using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Transparency.Core.Audit;
using Transparency.Core.Hosting;
using Transparency.Core.Security;
using Transparency.Data;
using Transparency.Proposals.Models;

namespace Transparency.Proposals.Controllers;

public sealed class SessionInput
{
    [Required(ErrorMessage = "请填写{0}。")]
    [StringLength(100, ErrorMessage = "{0}不能超过{1}个字符。")]
    [Display(Name = "会议名称")]
    public string Name { get; set; } = "";

    [Range(1949, 2100, ErrorMessage = "{0}应在{1}至{2}之间。")]
    [Display(Name = "年度")]
    public int Year { get; set; }

    public SessionKind Kind { get; set; }

    [Range(1, 6, ErrorMessage = "{0}应在{1}至{2}之间。")]
    [Display(Name = "答复期限（月）")]
    public int ReplyMonths { get; set; } = 3;

    [Range(1, 6, ErrorMessage = "{0}应在{1}至{2}之间。")]
    [Display(Name = "协办意见期限（月）")]
    public int CoOpinionMonths { get; set; } = 1;

    [Range(1, 6, ErrorMessage = "{0}应在{1}至{2}之间。")]
    [Display(Name = "重新办理期限（月）")]
    public int RehandlingMonths { get; set; } = 1;
}

/// <summary>届次 and their deadline rules.</summary>
[Admin]
[Route("admin/sessions")]
[RequirePermission(ProposalsPermissions.ManageReferenceData)]
public sealed class SessionsController(TransparencyDbContext db, IAuditTrail audit) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index() => View(await db.Set<Session>().AsNoTracking().OrderByDescending(s => s.Year).ThenBy(s => s.Name).ToListAsync());

    [HttpGet("create")]
    public IActionResult Create() => View("Edit", (null as int?, new SessionInput { Year = DateTime.UtcNow.Year }));

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Edit(int id)
    {
        var s = await db.Set<Session>().FindAsync(id);
        return s is null ? NotFound() : View((id as int?, new SessionInput
        {
            Name = s.Name, Year = s.Year, Kind = s.Kind, ReplyMonths = s.ReplyMonths, CoOpinionMonths = s.CoOpinionMonths, RehandlingMonths = s.RehandlingMonths,
        }));
    }

    [HttpPost("create")]
    public Task<IActionResult> Create(SessionInput input) => Save(null, input);

    [HttpPost("{id:int}")]
    public Task<IActionResult> Edit(int id, SessionInput input) => Save(id, input);

    private async Task<IActionResult> Save(int? id, SessionInput input)
    {
        var session = id is null ? new Session() : await db.Set<Session>().FindAsync(id.Value);
        if (session is null)
        {
            return NotFound();
        }

        var name = input.Name?.Trim() ?? "";
        if (await db.Set<Session>().AnyAsync(s => s.Name == name && s.Id != (id ?? 0)))
        {
            ModelState.AddModelError(nameof(input.Name), "已有同名届次。");
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Edit", (id, input));
        }

        session.Name = name;
        session.Year = input.Year;
        session.Kind = input.Kind;
        session.ReplyMonths = input.ReplyMonths;
        session.CoOpinionMonths = input.CoOpinionMonths;
        session.RehandlingMonths = input.RehandlingMonths;
        if (id is null)
        {
            db.Add(session);
        }

        audit.Record(new AuditEntry("Sessions", id is null ? "Created" : "Updated", session.Name,
            $"届次 {session.Name}：答复 {session.ReplyMonths} 个月，协办 {session.CoOpinionMonths} 个月，重新办理 {session.RehandlingMonths} 个月"));
        await db.SaveChangesAsync();
        return RedirectToAction(nameof(Index));
    }
}
