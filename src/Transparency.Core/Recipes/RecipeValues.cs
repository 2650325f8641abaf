using System.Globalization;
using System.Text.Json;
namespace Transparency.Core.Recipes;

/// <summary>Typed reads recipe steps share (dates, enums, integers), reporting bad values with their path.</summary>
public static class RecipeValues
{
    /// <summary>An optional date written yyyy-MM-dd; null when absent.</summary>
    public static DateOnly? Date(JsonElement item, string field, string path)
    {
        var text = RecipeJson.OptionalString(item, field, path, 10);
        if (text is null)
        {
            return null;
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new RecipeStepException(RecipeJson.Join(path, field), $"'{text}' is not a date (yyyy-MM-dd).");
    }

    /// <summary>An optional enum value by name (case-insensitive, numbers refused); <paramref name="fallback"/> when absent.</summary>
    public static TEnum Enum<TEnum>(JsonElement item, string field, string path, TEnum fallback)
        where TEnum : struct, System.Enum
    {
        var text = RecipeJson.OptionalString(item, field, path, 32);
        if (text is null)
        {
            return fallback;
        }

        return System.Enum.TryParse<TEnum>(text, ignoreCase: true, out var value) && System.Enum.IsDefined(value) && !int.TryParse(text, out _)
            ? value
            : throw new RecipeStepException(RecipeJson.Join(path, field), $"'{text}' is not one of {string.Join(", ", System.Enum.GetNames<TEnum>())}.");
    }

    /// <summary>An optional whole number within [<paramref name="min"/>, <paramref name="max"/>]; <paramref name="fallback"/> when absent.</summary>
    public static int WholeNumber(JsonElement item, string field, string path, int fallback, int min, int max)
    {
        if (!item.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return fallback;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n) && n >= min && n <= max
            ? n
            : throw new RecipeStepException(RecipeJson.Join(path, field), $"must be a whole number from {min} to {max}.");
    }
}
