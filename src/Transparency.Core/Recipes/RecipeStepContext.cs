using System.Text.Json;

namespace Transparency.Core.Recipes;

/// <summary>What a step sees: its own JSON object and facts about the recipe it belongs to.</summary>
/// <param name="Data">The step's JSON object (including its <c>name</c>).</param>
/// <param name="RecipeName">The recipe's name.</param>
/// <param name="IsDemo">True when the recipe is marked <c>"demo": true</c>; only demo recipes may carry passwords.</param>
public sealed record RecipeStepContext(JsonElement Data, string RecipeName, bool IsDemo);
