using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Transparency.Core.Audit;
using Transparency.Core.Hosting;
using Transparency.Core.Security;
using Transparency.Core.Units;
using Transparency.Data;
using Transparency.Units.Models;
using Transparency.Units.ViewModels;

namespace Transparency.Units.Controllers;

[Admin]
[Route("admin/units")]
[RequirePermission(UnitsPermissions.Manage)]
public sealed class UnitsController(TransparencyDbContext db, IUnitDirectory directory, IAuditTrail audit) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index() => View(await directory.ListAsync(HttpContext.RequestAborted));

    [HttpGet("create")]
    public async Task<IActionResult> Create()
        => View("Edit", new UnitEditViewModel { Candidates = await directory.ListAsync(HttpContext.RequestAborted) });

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Edit(int id)
    {
        var unit = await db.Set<Unit>().AsNoTracking().FirstOrDefaultAsync(u => u.Id == id);
        if (unit is null)
        {
            return NotFound();
        }

        return View(new UnitEditViewModel
        {
            Id = unit.Id,
            Name = unit.Name,
            ShortName = unit.ShortName,
            IsInternal = unit.IsInternal,
            ParentId = unit.ParentId,
            Candidates = await directory.ListAsync(HttpContext.RequestAborted),
        });
    }

    [HttpPost("create")]
    public Task<IActionResult> Create(UnitEditViewModel model) => Save(null, model);

    [HttpPost("{id:int}")]
    public Task<IActionResult> Edit(int id, UnitEditViewModel model) => Save(id, model);

    private async Task<IActionResult> Save(int? id, UnitEditViewModel model)
    {
        Unit? unit = null;
        if (id is not null)
        {
            unit = await db.Set<Unit>().FirstOrDefaultAsync(u => u.Id == id);
            if (unit is null)
            {
                return NotFound();
            }
        }

        var name = model.Name?.Trim() ?? "";
        if (await db.Set<Unit>().AnyAsync(u => u.Name == name && u.Id != (id ?? 0)))
        {
            ModelState.AddModelError(nameof(model.Name), "已存在同名单位。");
        }

        if (model.ParentId is { } parentId && (parentId == id || !await db.Set<Unit>().AnyAsync(u => u.Id == parentId)))
        {
            ModelState.AddModelError(nameof(model.ParentId), "上级单位无效。");
        }

        if (!ModelState.IsValid)
        {
            model.Candidates = await directory.ListAsync(HttpContext.RequestAborted);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Edit", model);
        }

        if (unit is null)
        {
            unit = new Unit();
            db.Add(unit);
        }

        unit.Name = name;
        unit.ShortName = string.IsNullOrWhiteSpace(model.ShortName) ? name : model.ShortName.Trim();
        unit.IsInternal = model.IsInternal;
        unit.ParentId = model.ParentId;
        audit.Record(new AuditEntry("Units", id is null ? "Created" : "Updated", name,
            id is null ? $"新增承办单位：{name}" : $"修改承办单位：{name}"));
        await db.SaveChangesAsync();
        return RedirectToAction(nameof(Index));
    }
}
