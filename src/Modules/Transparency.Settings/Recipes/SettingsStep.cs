using System.Text.Json;
using Transparency.Core.Recipes;
using Transparency.Core.Settings;
using Transparency.Data;

namespace Transparency.Settings.Recipes;

/// <summary>
/// <c>{ "name": "Settings", "siteName": "…", "defaultCulture": "zh-CN", "organization": "…" }</c>;
/// fields left out keep their current value.
/// </summary>
public sealed class SettingsStep(ISiteSettingsStore store, TransparencyDbContext db) : IRecipeStep
{
    public string Name => "Settings";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var data = context.Data;
        var current = await store.GetAsync(cancellationToken);
        var siteName = ReadString(data, "siteName", 200) ?? current.SiteName;
        var culture = ReadString(data, "defaultCulture", 10) ?? current.DefaultCulture;
        var organization = ReadString(data, "organization", 200) ?? current.Organization;
        if (string.IsNullOrWhiteSpace(siteName))
        {
            throw new RecipeStepException("siteName", "must not be empty.");
        }

        if (!SiteSettings.SupportedCultures.Contains(culture))
        {
            throw new RecipeStepException("defaultCulture",
                $"'{culture}' is not supported; use one of {string.Join(", ", SiteSettings.SupportedCultures)}.");
        }

        foreach (var property in data.EnumerateObject())
        {
            if (property.Name is not ("name" or "siteName" or "defaultCulture" or "organization"))
            {
                throw new RecipeStepException(property.Name, "is not a known setting (known: siteName, defaultCulture, organization).");
            }
        }

        await store.UpdateAsync(current with { SiteName = siteName, DefaultCulture = culture, Organization = organization }, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string? ReadString(JsonElement data, string field, int maxLength)
    {
        if (!data.TryGetProperty(field, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            throw new RecipeStepException(field, "must be a string.");
        }

        var text = value.GetString()!.Trim();
        return text.Length > maxLength
            ? throw new RecipeStepException(field, $"is longer than {maxLength} characters.")
            : text;
    }
}
