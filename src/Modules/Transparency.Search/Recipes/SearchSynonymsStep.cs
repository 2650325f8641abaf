using System.Globalization;
using System.Text.Json;
using Transparency.Core.Recipes;
using Transparency.Core.Settings;
using Transparency.Data;
using Transparency.Search.Services;

namespace Transparency.Search.Recipes;

/// <summary>
/// <c>{ "name": "SearchSynonyms", "groups": [ ["流动摊贩", "占道经营", "马路市场"], ["路灯", "城市照明"] ] }</c>:
/// replaces the synonym groups (settings document <see cref="SynonymSettings.DocumentName"/>).
/// </summary>
public sealed class SearchSynonymsStep(ISettingsDocumentStore settings, SynonymCache cache, TransparencyDbContext db) : IRecipeStep
{
    public string Name => "SearchSynonyms";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        foreach (var property in context.Data.EnumerateObject())
        {
            if (property.Name is not ("name" or "groups"))
            {
                throw new RecipeStepException(property.Name, "is not a known field (known: groups).");
            }
        }

        var groups = new List<List<string>>();
        var i = 0;
        foreach (var group in RecipeJson.RequiredArray(context.Data, "groups").EnumerateArray())
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"groups[{i}]");
            if (group.ValueKind != JsonValueKind.Array)
            {
                throw new RecipeStepException(path, "must be an array of words, e.g. [\"路灯\", \"城市照明\"].");
            }

            var members = group.EnumerateArray()
                .Select((m, j) => m.ValueKind == JsonValueKind.String
                    ? m.GetString()!.Trim()
                    : throw new RecipeStepException(string.Create(CultureInfo.InvariantCulture, $"{path}[{j}]"), "must be a string."))
                .ToList();
            if (SynonymRules.Check(members) is { } error)
            {
                throw new RecipeStepException(path, $"{error} ({string.Join("/", members)})");
            }

            groups.Add(members.Distinct(StringComparer.OrdinalIgnoreCase).ToList());
            i++;
        }

        if (SynonymRules.CheckAll(groups, g => string.Create(CultureInfo.InvariantCulture, $"groups[{g}]")).FirstOrDefault() is { } conflict)
        {
            throw new RecipeStepException("groups", conflict);
        }

        await settings.UpdateAsync(SynonymSettings.DocumentName, new SynonymSettings { Groups = groups },
            $"同义词：{groups.Count}组（配置方案 {context.RecipeName}）", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        cache.Invalidate();
    }
}
