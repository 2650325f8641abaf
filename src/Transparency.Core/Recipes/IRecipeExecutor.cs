namespace Transparency.Core.Recipes;

/// <summary>Runs recipe files, each in one transaction, and records the ones that ran.</summary>
public interface IRecipeExecutor
{
    /// <summary>
    /// Runs the recipe in <paramref name="path"/> unless a recipe of the same name already ran.
    /// Returns false when it had already run. Throws <see cref="RecipeException"/> naming the file,
    /// step index and field on bad input; then nothing is applied.
    /// </summary>
    Task<bool> ExecuteOnceAsync(string path, RecipeRunOptions options, CancellationToken cancellationToken = default);

    /// <summary>Runs the recipe in <paramref name="path"/> again, whether or not it ran before.</summary>
    Task ExecuteAsync(string path, RecipeRunOptions options, CancellationToken cancellationToken = default);
}

/// <summary>How a recipe is run.</summary>
/// <param name="AllowDemoInProduction">Demo recipes refuse to run in the Production environment unless this is set.</param>
/// <param name="ExecutedBy">Who runs it (user name or <c>system</c>), recorded with the run.</param>
public sealed record RecipeRunOptions(bool AllowDemoInProduction = false, string ExecutedBy = "system");
