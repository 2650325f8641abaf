using System.Text.Json;
using Transparency.Calendar.Recipes;
using Transparency.Core.Calendar;

namespace Transparency.Integration.Tests.Calendar;

/// <summary>The <c>Holidays</c> step of the shipped setup recipe, read without a database.</summary>
public static class SetupRecipeHolidays
{
    private static readonly Lazy<IReadOnlyList<HolidayYear>> LazyYears = new(Read);

    public static IReadOnlyList<HolidayYear> Years => LazyYears.Value;

    public static IReadOnlyDictionary<DateOnly, SpecialDay> Days { get; } = WorkingDayMath.Index(Years.SelectMany(y => y.Days));

    private static IReadOnlyList<HolidayYear> Read()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "recipes", "setup.recipe.json")));
        var step = document.RootElement.GetProperty("steps").EnumerateArray()
            .Single(s => s.GetProperty("name").GetString() == "Holidays");
        return HolidaysStepReader.Read(step);
    }
}
