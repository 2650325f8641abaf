using System.Text.Json;
using Transparency.Calendar.Recipes;
using Transparency.Core.Recipes;

namespace Transparency.Integration.Tests.Calendar;

/// <summary>The Holidays step's checks, without a database.</summary>
public sealed class HolidaysStepReaderTests
{
    private const string Good2024 = """
        { "year": 2024,
          "holidays": [ { "name": "国庆节", "from": "2024-10-01", "to": "2024-10-07" } ],
          "workdays": [ { "name": "国庆节调休", "date": "2024-09-29" }, { "name": "国庆节调休", "date": "2024-10-12" } ] }
        """;

    [Fact]
    public void AGoodYearIsReadAsItsDays()
    {
        var year = Assert.Single(Read($$"""{ "name": "Holidays", "years": [ {{Good2024}} ] }"""));
        Assert.Equal(2024, year.Year);
        Assert.Equal(9, year.Days.Count);
        Assert.Equal(7, year.Days.Count(d => d.IsHoliday));
        Assert.Equal(new DateOnly(2024, 9, 29), year.Days[0].Date);
    }

    [Theory]
    [InlineData("""{ "name": "Holidays" }""", "years", "is required")]
    [InlineData("""{ "name": "Holidays", "years": [ { "holidays": [] } ] }""", "years[0].year", "is required")]
    [InlineData("""{ "name": "Holidays", "years": [ { "year": "2024" } ] }""", "years[0].year", "whole number")]
    [InlineData("""{ "name": "Holidays", "years": [ { "year": 1999 } ] }""", "years[0].year", "whole number")]
    [InlineData("""{ "name": "Holidays", "years": [ { "year": 2024 }, { "year": 2024 } ] }""", "years[1].year", "listed twice")]
    [InlineData("""{ "name": "Holidays", "years": [ { "year": 2024, "holiday": [] } ] }""", "years[0].holiday", "not a known field")]
    [InlineData("""{ "name": "Holidays", "years": [ { "year": 2024, "holidays": {} } ] }""", "years[0].holidays", "must be an array")]
    [InlineData("""{ "name": "Holidays", "years": [ { "year": 2024, "holidays": [ { "from": "2024-01-01", "to": "2024-01-01" } ] } ] }""", "years[0].holidays[0].name", "is required")]
    [InlineData("""{ "name": "Holidays", "years": [ { "year": 2024, "holidays": [ { "name": "元旦", "from": "2024/01/01", "to": "2024-01-01" } ] } ] }""", "years[0].holidays[0].from", "yyyy-MM-dd")]
    [InlineData("""{ "name": "Holidays", "years": [ { "year": 2024, "holidays": [ { "name": "元旦", "from": "2024-01-01", "to": "2024-02-30" } ] } ] }""", "years[0].holidays[0].to", "yyyy-MM-dd")]
    [InlineData("""{ "name": "Holidays", "years": [ { "year": 2024, "holidays": [ { "name": "国庆节", "from": "2024-10-07", "to": "2024-10-01" } ] } ] }""", "years[0].holidays[0].to", "is before from")]
    [InlineData("""{ "name": "Holidays", "years": [ { "year": 2023, "holidays": [ { "name": "元旦", "from": "2022-12-31", "to": "2023-01-02" } ] } ] }""", "years[0].holidays[0].from", "is not in 2023")]
    [InlineData("""{ "name": "Holidays", "years": [ { "year": 2024, "holidays": [ { "name": "A", "from": "2024-10-01", "to": "2024-10-03" }, { "name": "B", "from": "2024-10-03", "to": "2024-10-04" } ] } ] }""", "years[0].holidays[1].from", "2024-10-03 is listed twice")]
    [InlineData("""{ "name": "Holidays", "years": [ { "year": 2024, "holidays": [ { "name": "A", "from": "2024-10-01", "to": "2024-10-01" }, { "name": "B", "from": "2024-09-30", "to": "2024-10-02" } ] } ] }""", "years[0].holidays[1].to", "2024-10-01 is listed twice")]
    [InlineData("""{ "name": "Holidays", "years": [ { "year": 2024, "holidays": [ { "name": "A", "from": "2024-10-05", "to": "2024-10-05" } ], "workdays": [ { "name": "B", "date": "2024-10-05" } ] } ] }""", "years[0].workdays[0].date", "listed twice")]
    [InlineData("""{ "name": "Holidays", "years": [ { "year": 2024, "workdays": [ { "name": "B", "date": "2024-10-08" } ] } ] }""", "years[0].workdays[0].date", "must be a Saturday or a Sunday")]
    [InlineData("""{ "name": "Holidays", "years": [ { "year": 2024, "workdays": [ { "name": "B" } ] } ] }""", "years[0].workdays[0].date", "is required")]
    public void ABadFieldIsReportedWithItsPath(string json, string field, string message)
    {
        var error = Assert.Throws<RecipeStepException>(() => Read(json));
        Assert.Equal(field, error.Field);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    private static IReadOnlyList<HolidayYear> Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        return HolidaysStepReader.Read(document.RootElement);
    }
}
