using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Transparency.Core.Audit;
using Transparency.Core.Hosting;
using Transparency.Core.Security;
using Transparency.Data;
using Transparency.Proposals.Models;

namespace Transparency.Proposals.Controllers;

public sealed class RepresentativeInput
{
    [Required(ErrorMessage = "请填写{0}。")]
    [StringLength(50, ErrorMessage = "{0}不能超过{1}个字符。")]
    [Display(Name = "姓名")]
    public string Name { get; set; } = "";

    public RepresentativeKind Kind { get; set; }

    [StringLength(100, ErrorMessage = "{0}不能超过{1}个字符。")]
    [Display(Name = "代表团或界别")]
    public string? Delegation { get; set; }

    [StringLength(50, ErrorMessage = "{0}不能超过{1}个字符。")]
    [RegularExpression(@"^[0-9+\-() ]*$", ErrorMessage = "{0}只能包含数字和 +-() 符号。")]
    [Display(Name = "联系电话")]
    public string? Phone { get; set; }

    [EmailAddress(ErrorMessage = "{0}格式不正确。")]
    [StringLength(256)]
    [Display(Name = "电子邮箱")]
    public string? Email { get; set; }

    [StringLength(200, ErrorMessage = "{0}不能超过{1}个字符。")]
    [Display(Name = "通讯地址")]
    public string? Address { get; set; }
}

/// <summary>人大代表 and 政协委员; their contact details are for staff only.</summary>
[Admin]
[Route("admin/representatives")]
[RequirePermission(ProposalsPermissions.ManageReferenceData)]
public sealed class RepresentativesController(TransparencyDbContext db, IAuditTrail audit) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? q)
    {
        var query = db.Set<Representative>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim();
            query = query.Where(r => r.Name.Contains(term) || r.Delegation.Contains(term));
        }

        ViewData["Q"] = q;
        return View(await query.OrderBy(r => r.Kind).ThenBy(r => r.Name).Take(500).ToListAsync());
    }

    [HttpGet("create")]
    public IActionResult Create() => View("Edit", (null as int?, new RepresentativeInput()));

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Edit(int id)
    {
        var r = await db.Set<Representative>().FindAsync(id);
        return r is null ? NotFound() : View((id as int?, new RepresentativeInput
        {
            Name = r.Name, Kind = r.Kind, Delegation = r.Delegation, Phone = r.Phone, Email = r.Email, Address = r.Address,
        }));
    }

    [HttpPost("create")]
    public Task<IActionResult> Create(RepresentativeInput input) => Save(null, input);

    [HttpPost("{id:int}")]
    public Task<IActionResult> Edit(int id, RepresentativeInput input) => Save(id, input);

    private async Task<IActionResult> Save(int? id, RepresentativeInput input)
    {
        var r = id is null ? new Representative() : await db.Set<Representative>().FindAsync(id.Value);
        if (r is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Edit", (id, input));
        }

        r.Name = input.Name.Trim();
        r.Kind = input.Kind;
        r.Delegation = input.Delegation?.Trim() ?? "";
        r.Phone = input.Phone?.Trim();
        r.Email = input.Email?.Trim();
        r.Address = input.Address?.Trim();
        if (id is null)
        {
            db.Add(r);
        }

        audit.Record(new AuditEntry("Representatives", id is null ? "Created" : "Updated", r.Name, $"{(id is null ? "新增" : "修改")}代表（委员）：{r.Name}"));
        await db.SaveChangesAsync();
        return RedirectToAction(nameof(Index));
    }
}
