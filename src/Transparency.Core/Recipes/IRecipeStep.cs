namespace Transparency.Core.Recipes;

/// <summary>
/// Handles one named step of a recipe (e.g. <c>Roles</c>). A module registers its steps with
/// <c>services.AddRecipeStep&lt;T&gt;()</c>. A step validates all its data before it changes anything
/// and reports bad data with <see cref="RecipeStepException"/>.
/// </summary>
public interface IRecipeStep
{
    /// <summary>The step name as written in recipe files.</summary>
    string Name { get; }

    /// <summary>Applies the step; runs inside the recipe's transaction.</summary>
    Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken);
}
