using Microsoft.EntityFrameworkCore;
using Transparency.Core.Audit;
using Transparency.Core.Recipes;
using Transparency.Data;
using Transparency.Units.Models;

namespace Transparency.Units.Recipes;

/// <summary>
/// <c>{ "name": "Units", "units": [ { "name": "市城市管理局", "shortName": "市城管局", "internal": true, "parent": null } ] }</c>.
/// Units are matched by name: existing ones are updated, new ones added. A parent must be named
/// earlier in the list or already exist.
/// </summary>
public sealed class UnitsStep(TransparencyDbContext db, IAuditTrail audit) : IRecipeStep
{
    public string Name => "Units";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var units = RecipeJson.RequiredArray(context.Data, "units");
        var existing = await db.Set<Unit>().ToDictionaryAsync(u => u.Name, cancellationToken);
        var index = 0;
        foreach (var item in units.EnumerateArray())
        {
            var path = $"units[{index++}]";
            var name = RecipeJson.RequiredString(item, "name", path, 200);
            var shortName = RecipeJson.OptionalString(item, "shortName", path, 100) ?? name;
            var isInternal = RecipeJson.OptionalBool(item, "internal", path) ?? false;
            var parentName = RecipeJson.OptionalString(item, "parent", path, 200);
            Unit? parent = null;
            if (parentName is not null && !existing.TryGetValue(parentName, out parent))
            {
                throw new RecipeStepException($"{path}.parent", $"unknown unit '{parentName}': a parent must be listed before its children or exist already.");
            }

            if (!existing.TryGetValue(name, out var unit))
            {
                unit = new Unit { Name = name };
                db.Add(unit);
                existing[name] = unit;
                audit.Record(new AuditEntry("Units", "Created", name, $"新增承办单位：{name}"));
            }

            unit.ShortName = shortName;
            unit.IsInternal = isInternal;
            unit.Parent = parent;
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
