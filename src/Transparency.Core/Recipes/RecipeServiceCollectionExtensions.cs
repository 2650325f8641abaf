using Microsoft.Extensions.DependencyInjection;

namespace Transparency.Core.Recipes;

/// <summary>Registration helpers for recipe steps.</summary>
public static class RecipeServiceCollectionExtensions
{
    /// <summary>Registers a recipe step handler.</summary>
    public static IServiceCollection AddRecipeStep<TStep>(this IServiceCollection services)
        where TStep : class, IRecipeStep
        => services.AddScoped<IRecipeStep, TStep>();
}
