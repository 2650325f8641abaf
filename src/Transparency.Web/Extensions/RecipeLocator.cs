namespace Transparency.Web.Extensions;

/// <summary>Turns recipe names (<c>demo</c>) or paths into files under <c>Recipes:Path</c>.</summary>
internal sealed class RecipeLocator(IConfiguration configuration)
{
    private string Folder => configuration["Recipes:Path"] ?? Path.Combine(AppContext.BaseDirectory, "recipes");

    /// <summary>Recipes asked for by <c>--recipe name</c> or <c>Setup:Recipes</c>.</summary>
    public IEnumerable<string> Requested()
    {
        var fromSettings = configuration.GetSection("Setup:Recipes").Get<string[]>() ?? [];
        var fromCommandLine = configuration["recipe"] is { Length: > 0 } one ? [one] : Array.Empty<string>();
        return fromSettings.Concat(fromCommandLine).Distinct(StringComparer.Ordinal);
    }

    public string Find(string nameOrPath)
    {
        if (File.Exists(nameOrPath))
        {
            return Path.GetFullPath(nameOrPath);
        }

        var candidate = Path.Combine(Folder, $"{nameOrPath}.recipe.json");
        if (File.Exists(candidate))
        {
            return candidate;
        }

        var available = Directory.Exists(Folder)
            ? string.Join(", ", Directory.GetFiles(Folder, "*.recipe.json").Select(f => Path.GetFileName(f)[..^".recipe.json".Length]))
            : "(none)";
        throw new InvalidOperationException(
            $"Recipe '{nameOrPath}' was not found in '{Folder}'. Available recipes: {available}.");
    }
}
