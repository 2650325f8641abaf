using Microsoft.EntityFrameworkCore;
using Transparency.Core.Recipes;
using Transparency.Data;
using Transparency.Proposals.Models;

namespace Transparency.Proposals.Recipes;

/// <summary><c>{ "name": "Categories", "categories": [ "垃圾分类", "占道经营", … ] }</c>; order sets the display order.</summary>
public sealed class CategoriesStep(TransparencyDbContext db) : IRecipeStep
{
    public string Name => "Categories";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        RecipeJson.RequiredArray(context.Data, "categories");
        var names = RecipeJson.StringArray(context.Data, "categories", "");
        var existing = await db.Set<Category>().ToDictionaryAsync(c => c.Name, cancellationToken);
        for (var i = 0; i < names.Count; i++)
        {
            if (names[i].Length > 50)
            {
                throw new RecipeStepException($"categories[{i}]", "is longer than 50 characters.");
            }

            if (!existing.TryGetValue(names[i], out var category))
            {
                category = new Category { Name = names[i] };
                db.Add(category);
                existing[names[i]] = category;
            }

            category.SortOrder = i;
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
