using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Transparency.Core.Audit;
using Transparency.Core.Hosting;
using Transparency.Core.Security;
using Transparency.Data;
using Transparency.Proposals.Models;

namespace Transparency.Proposals.Controllers;

/// <summary>The category taxonomy (垃圾分类, 占道经营 …).</summary>
[Admin]
[Route("admin/categories")]
[RequirePermission(ProposalsPermissions.ManageReferenceData)]
public sealed class CategoriesController(TransparencyDbContext db, IAuditTrail audit) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index() => View(await db.Set<Category>().AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Name).ToListAsync());

    [HttpPost("")]
    public async Task<IActionResult> Add(string? name)
    {
        name = name?.Trim() ?? "";
        if (name.Length is 0 or > 50)
        {
            ModelState.AddModelError("name", "类别名称不能为空，且不超过50个字符。");
        }
        else if (await db.Set<Category>().AnyAsync(c => c.Name == name))
        {
            ModelState.AddModelError("name", "已有同名类别。");
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Index", await db.Set<Category>().AsNoTracking().OrderBy(c => c.SortOrder).ToListAsync());
        }

        var order = await db.Set<Category>().Select(c => (int?)c.SortOrder).MaxAsync() ?? -1;
        db.Add(new Category { Name = name, SortOrder = order + 1 });
        audit.Record(new AuditEntry("Categories", "Created", name, $"新增类别：{name}"));
        await db.SaveChangesAsync();
        return RedirectToAction(nameof(Index));
    }
}
