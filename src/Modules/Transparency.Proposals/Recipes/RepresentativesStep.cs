using Microsoft.EntityFrameworkCore;
using Transparency.Core.Recipes;
using Transparency.Data;
using Transparency.Proposals.Models;

namespace Transparency.Proposals.Recipes;

/// <summary>
/// <c>{ "name": "Representatives", "representatives": [ { "name": "张丽萍", "kind": "Deputy", "delegation": "城东区代表团",
/// "phone": "…", "email": "…", "userName": "representative" } ] }</c>; matched by name.
/// </summary>
public sealed class RepresentativesStep(TransparencyDbContext db) : IRecipeStep
{
    public string Name => "Representatives";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var existing = await db.Set<Representative>().ToDictionaryAsync(r => r.Name, cancellationToken);
        var index = 0;
        foreach (var item in RecipeJson.RequiredArray(context.Data, "representatives").EnumerateArray())
        {
            var path = $"representatives[{index++}]";
            var name = RecipeJson.RequiredString(item, "name", path, 50);
            if (!existing.TryGetValue(name, out var representative))
            {
                representative = new Representative { Name = name };
                db.Add(representative);
                existing[name] = representative;
            }

            representative.Kind = RecipeValues.Enum(item, "kind", path, RepresentativeKind.Deputy);
            representative.Delegation = RecipeJson.OptionalString(item, "delegation", path, 100) ?? representative.Delegation;
            representative.Phone = RecipeJson.OptionalString(item, "phone", path, 50) ?? representative.Phone;
            representative.Email = RecipeJson.OptionalString(item, "email", path, 256) ?? representative.Email;
            representative.Address = RecipeJson.OptionalString(item, "address", path, 200) ?? representative.Address;
            representative.UserName = RecipeJson.OptionalString(item, "userName", path, 256) ?? representative.UserName;
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
