using System.Text.Json;
using Transparency.Core.Recipes;

namespace Transparency.Recipes.Services;

/// <summary>A parsed recipe file: its header and its steps, checked for shape before anything runs.</summary>
internal sealed record RecipeFile(string Name, string Description, bool IsDemo, IReadOnlyList<JsonElement> Steps)
{
    private static readonly JsonDocumentOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Parses <paramref name="json"/>; problems are reported as <see cref="RecipeStepException"/> with a field path.</summary>
    public static RecipeFile Parse(string json, out JsonDocument document)
    {
        try
        {
            document = JsonDocument.Parse(json, Options);
        }
        catch (JsonException e)
        {
            throw new RecipeStepException("(file)", $"is not valid JSON: line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}.");
        }

        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new RecipeStepException("(file)", "must be a JSON object with 'name', 'description' and 'steps'.");
        }

        var name = RequiredString(root, "name");
        var description = root.TryGetProperty("description", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString()! : "";
        var isDemo = root.TryGetProperty("demo", out var demo) && demo.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new RecipeStepException("demo", "must be true or false."),
        };
        if (!root.TryGetProperty("steps", out var steps) || steps.ValueKind != JsonValueKind.Array)
        {
            throw new RecipeStepException("steps", "is required and must be an array of steps.");
        }

        var list = new List<JsonElement>();
        var index = 0;
        foreach (var step in steps.EnumerateArray())
        {
            if (step.ValueKind != JsonValueKind.Object)
            {
                throw new RecipeStepException($"steps[{index}]", "must be an object with a 'name'.");
            }

            RequiredString(step, "name", $"steps[{index}].");
            list.Add(step);
            index++;
        }

        return new RecipeFile(name, description, isDemo, list);
    }

    private static string RequiredString(JsonElement element, string field, string prefix = "")
    {
        if (!element.TryGetProperty(field, out var value) || value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            throw new RecipeStepException(prefix + field, "is required and must be a non-empty string.");
        }

        return value.GetString()!;
    }
}
