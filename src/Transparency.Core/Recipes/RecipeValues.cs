using System.Globalization;
using System.Text.Json;
using Transparency.Core.Recipes;

namespace Transparency.Proposals.Recipes;

/// <summary>Typed reads the module's steps share (dates, enums, integers).</summary>
internal static class RecipeValues
{
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

    public static int Int(JsonElement item, string field, string path, int fallback, int min, int max)
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
