using Microsoft.AspNetCore.Identity;
using Transparency.Core.Recipes;
using Transparency.Data.Identity;
using Transparency.Users.Services;

namespace Transparency.Users.Recipes;

/// <summary>
/// <c>{ "name": "Roles", "roles": [ { "name": "Coordinator", "description": "督办员", "permissions": ["…"], "mode": "replace" } ] }</c>.
/// <c>mode</c> is <c>replace</c> (default: the role gets exactly these permissions) or <c>add</c>.
/// </summary>
public sealed class RolesStep(RoleManager<TransparencyRole> roles, RoleAdminService admin) : IRecipeStep
{
    public string Name => "Roles";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var items = RecipeJson.RequiredArray(context.Data, "roles");
        var index = 0;
        foreach (var item in items.EnumerateArray())
        {
            var path = $"roles[{index++}]";
            var name = RecipeJson.RequiredString(item, "name", path, 128);
            var description = RecipeJson.OptionalString(item, "description", path, 500) ?? "";
            var permissions = RecipeJson.StringArray(item, "permissions", path);
            var mode = RecipeJson.OptionalString(item, "mode", path, 16) ?? "replace";
            if (mode is not ("replace" or "add"))
            {
                throw new RecipeStepException($"{path}.mode", $"'{mode}' is not valid; use 'replace' or 'add'.");
            }

            var unknown = admin.UnknownPermissions(permissions);
            if (unknown.Count > 0)
            {
                var at = permissions.ToList().IndexOf(unknown[0]);
                throw new RecipeStepException($"{path}.permissions[{at}]", $"unknown permission '{unknown[0]}'.");
            }

            var role = await roles.FindByNameAsync(name);
            var result = await admin.SaveAsync(role, name, description.Length > 0 ? description : role?.Description ?? "", permissions, mode == "replace");
            if (!result.Succeeded)
            {
                throw new RecipeStepException(path, string.Join(" ", result.Errors.Select(e => e.Description)));
            }
        }
    }
}
