using System.Globalization;
using System.Text.Json;
using Transparency.Calendar.Models;
using Transparency.Calendar.Services;
using Transparency.Core.Calendar;
using Transparency.Core.Recipes;

namespace Transparency.Calendar.Recipes;

/// <summary>
/// Reads and checks a <c>Holidays</c> step without touching the database: dates are <c>yyyy-MM-dd</c> and lie
/// in their year, <c>from</c> is not after <c>to</c>, no date or year is listed twice, and an adjusted working
/// day falls on a weekend. A bad field is reported with its path, e.g. <c>years[0].holidays[2].to</c>.
/// </summary>
public static class HolidaysStepReader
{
    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    public static IReadOnlyList<HolidayYear> Read(JsonElement step)
    {
        var years = new List<HolidayYear>();
        var index = 0;
        foreach (var item in RecipeJson.RequiredArray(step, "years").EnumerateArray())
        {
            var path = $"years[{index++}]";
            OnlyKnownFields(item, path, "year", "holidays", "workdays");
            var year = Year(item, path);
            if (years.Any(y => y.Year == year))
            {
                throw new RecipeStepException($"{path}.year", $"{year} is listed twice.");
            }

            var days = new Dictionary<DateOnly, SpecialDay>();
            ReadHolidays(item, path, year, days);
            ReadWorkdays(item, path, year, days);
            years.Add(new HolidayYear(year, [.. days.Values.OrderBy(d => d.Date)]));
        }

        return years;
    }

    private static void ReadHolidays(JsonElement item, string path, int year, Dictionary<DateOnly, SpecialDay> days)
    {
        var index = 0;
        foreach (var holiday in OptionalArray(item, "holidays", path))
        {
            var itemPath = $"{path}.holidays[{index++}]";
            OnlyKnownFields(holiday, itemPath, "name", "from", "to");
            var name = RecipeJson.RequiredString(holiday, "name", itemPath, CalendarDay.NameMaxLength);
            var from = Date(holiday, "from", itemPath, year);
            var to = Date(holiday, "to", itemPath, year);
            if (to < from)
            {
                throw new RecipeStepException($"{itemPath}.to", $"{IsoDate.ToText(to)} is before from ({IsoDate.ToText(from)}).");
            }

            for (var date = from; date <= to; date = date.AddDays(1))
            {
                Add(days, new SpecialDay(date, true, name), date == from ? $"{itemPath}.from" : $"{itemPath}.to");
            }
        }
    }

    private static void ReadWorkdays(JsonElement item, string path, int year, Dictionary<DateOnly, SpecialDay> days)
    {
        var index = 0;
        foreach (var workday in OptionalArray(item, "workdays", path))
        {
            var itemPath = $"{path}.workdays[{index++}]";
            OnlyKnownFields(workday, itemPath, "name", "date");
            var name = RecipeJson.RequiredString(workday, "name", itemPath, CalendarDay.NameMaxLength);
            var date = Date(workday, "date", itemPath, year);
            if (!WorkingDayMath.IsWeekend(date))
            {
                throw new RecipeStepException($"{itemPath}.date",
                    $"{IsoDate.ToText(date)} is a {date.DayOfWeek}: an adjusted working day (调休上班) must be a Saturday or a Sunday.");
            }

            Add(days, new SpecialDay(date, false, name), $"{itemPath}.date");
        }
    }

    private static void Add(Dictionary<DateOnly, SpecialDay> days, SpecialDay day, string field)
    {
        if (!days.TryAdd(day.Date, day))
        {
            throw new RecipeStepException(field, $"{IsoDate.ToText(day.Date)} is listed twice (already as '{days[day.Date].Name}').");
        }
    }

    private static int Year(JsonElement item, string path)
    {
        if (!item.TryGetProperty("year", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            throw new RecipeStepException($"{path}.year", "is required.");
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var year) && year is >= MinYear and <= MaxYear
            ? year
            : throw new RecipeStepException($"{path}.year", $"must be a whole number from {MinYear} to {MaxYear}.");
    }

    private static DateOnly Date(JsonElement item, string field, string path, int year)
    {
        var text = RecipeJson.RequiredString(item, field, path, 100);
        if (!IsoDate.TryParse(text, out var date))
        {
            throw new RecipeStepException($"{path}.{field}", $"'{text}' is not a date in the form yyyy-MM-dd.");
        }

        return date.Year == year
            ? date
            : throw new RecipeStepException($"{path}.{field}", $"{text} is not in {year.ToString(CultureInfo.InvariantCulture)}.");
    }

    private static IReadOnlyList<JsonElement> OptionalArray(JsonElement item, string field, string path)
    {
        if (!item.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        return value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray()]
            : throw new RecipeStepException($"{path}.{field}", "must be an array.");
    }

    private static void OnlyKnownFields(JsonElement item, string path, params string[] known)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            throw new RecipeStepException(path, "must be an object.");
        }

        foreach (var property in item.EnumerateObject())
        {
            if (!known.Contains(property.Name, StringComparer.Ordinal))
            {
                throw new RecipeStepException($"{path}.{property.Name}", $"is not a known field ({string.Join(", ", known)}).");
            }
        }
    }
}
