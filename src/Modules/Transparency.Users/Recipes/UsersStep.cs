using Microsoft.AspNetCore.Identity;
using Transparency.Core.Recipes;
using Transparency.Core.Units;
using Transparency.Data.Identity;
using Transparency.Users.Services;

namespace Transparency.Users.Recipes;

/// <summary>
/// <c>{ "name": "Users", "users": [ { "userName": "drafter", "displayName": "李承办", "email": "…", "password": "…", "roles": ["Drafter"], "units": ["市容环境科"] } ] }</c>.
/// Units are named by full or short name. Passwords are accepted only in recipes marked <c>"demo": true</c>:
/// a production recipe must not carry credentials.
/// </summary>
public sealed class UsersStep(
    UserManager<TransparencyUser> users,
    RoleManager<TransparencyRole> roles,
    IUnitDirectory unitDirectory,
    UserAdminService admin) : IRecipeStep
{
    public string Name => "Users";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var items = RecipeJson.RequiredArray(context.Data, "users");
        var allUnits = await unitDirectory.ListAsync(cancellationToken);
        var index = 0;
        foreach (var item in items.EnumerateArray())
        {
            var path = $"users[{index++}]";
            var userName = RecipeJson.RequiredString(item, "userName", path, 256);
            var displayName = RecipeJson.OptionalString(item, "displayName", path, 100) ?? userName;
            var email = RecipeJson.OptionalString(item, "email", path, 256);
            var password = RecipeJson.OptionalString(item, "password", path, 128);
            if (password is not null && !context.IsDemo)
            {
                throw new RecipeStepException($"{path}.password",
                    "passwords are accepted only in recipes marked \"demo\": true; set production passwords in the back office.");
            }

            var roleNames = RecipeJson.StringArray(item, "roles", path);
            for (var r = 0; r < roleNames.Count; r++)
            {
                if (await roles.FindByNameAsync(roleNames[r]) is null)
                {
                    throw new RecipeStepException($"{path}.roles[{r}]", $"unknown role '{roleNames[r]}'.");
                }
            }

            var unitNames = RecipeJson.StringArray(item, "units", path);
            var unitIds = new List<int>();
            for (var u = 0; u < unitNames.Count; u++)
            {
                var unit = allUnits.FirstOrDefault(x => x.Name == unitNames[u])
                    ?? allUnits.FirstOrDefault(x => x.ShortName == unitNames[u])
                    ?? throw new RecipeStepException($"{path}.units[{u}]", $"unknown unit '{unitNames[u]}'.");
                unitIds.Add(unit.Id);
            }

            var existing = await users.FindByNameAsync(userName);
            var result = await admin.SaveAsync(existing, new UserChange(userName, displayName, email, password, roleNames, unitIds));
            if (!result.Succeeded)
            {
                throw new RecipeStepException(path, string.Join(" ", result.Errors.Select(e => e.Description)));
            }
        }
    }
}
