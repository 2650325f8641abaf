using System.Text.Json;

namespace Transparency.Core.Recipes;

/// <summary>Reads typed fields from a step's JSON and reports bad ones with their path.</summary>
public static class RecipeJson
{
    /// <summary>A required, non-empty string of at most <paramref name="maxLength"/> characters.</summary>
    public static string RequiredString(JsonElement element, string field, string path, int maxLength)
        => OptionalString(element, field, path, maxLength)
           ?? throw new RecipeStepException(Join(path, field), "is required.");

    /// <summary>A string, or null when the field is absent or null; empty strings are refused.</summary>
    public static string? OptionalString(JsonElement element, string field, string path, int maxLength)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new RecipeStepException(path, "must be an object.");
        }

        if (!element.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            throw new RecipeStepException(Join(path, field), "must be a string.");
        }

        var text = value.GetString()!.Trim();
        if (text.Length == 0)
        {
            throw new RecipeStepException(Join(path, field), "must not be empty.");
        }

        return text.Length > maxLength
            ? throw new RecipeStepException(Join(path, field), $"is longer than {maxLength} characters.")
            : text;
    }

    /// <summary>A boolean, or null when absent.</summary>
    public static bool? OptionalBool(JsonElement element, string field, string path)
    {
        if (!element.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new RecipeStepException(Join(path, field), "must be true or false."),
        };
    }

    /// <summary>An array of non-empty strings (empty when absent).</summary>
    public static IReadOnlyList<string> StringArray(JsonElement element, string field, string path)
    {
        if (!element.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw new RecipeStepException(Join(path, field), "must be an array of strings.");
        }

        var list = new List<string>();
        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(item.GetString()))
            {
                throw new RecipeStepException($"{Join(path, field)}[{i}]", "must be a non-empty string.");
            }

            list.Add(item.GetString()!.Trim());
            i++;
        }

        return list;
    }

    /// <summary>The array in <paramref name="field"/> of the step; required.</summary>
    public static JsonElement RequiredArray(JsonElement step, string field)
        => step.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.Array
            ? value
            : throw new RecipeStepException(field, "is required and must be an array.");

    /// <summary>The path of <paramref name="field"/> inside <paramref name="path"/> (a field at the step's top level has no prefix).</summary>
    public static string Join(string path, string field) => path.Length == 0 ? field : $"{path}.{field}";
}
