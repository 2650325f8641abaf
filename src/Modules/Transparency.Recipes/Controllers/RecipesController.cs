using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Transparency.Core.Hosting;
using Transparency.Core.Security;
using Transparency.Data;
using Transparency.Recipes.Models;

namespace Transparency.Recipes.Controllers;

[Admin]
[Route("admin/recipes")]
[RequirePermission(RecipesPermissions.View)]
public sealed class RecipesController(TransparencyDbContext db) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index()
        => View(await db.Set<RecipeExecution>().AsNoTracking().OrderByDescending(r => r.Id).ToListAsync());
}
