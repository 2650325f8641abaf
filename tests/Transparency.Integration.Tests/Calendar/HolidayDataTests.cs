using Transparency.Calendar.Services;
using Transparency.Core.Calendar;

namespace Transparency.Integration.Tests.Calendar;

/// <summary>Consistency checks on the holiday arrangements shipped in the setup recipe.</summary>
public sealed class HolidayDataTests
{
    [Fact]
    public void TheSetupRecipeCoversTwentyTwentyToTwentyTwentySeven()
        => Assert.Equal(Enumerable.Range(2020, 8), SetupRecipeHolidays.Years.Select(y => y.Year));

    /// <summary>
    /// Weekday rest days minus worked weekend days equals the statutory holiday days (each one falling on a weekend
    /// is made up on a weekday): 11 a year until 2024, 13 from 2025 (除夕 and a second 劳动节 day added), and
    /// 2020's 13 = 11 + the two days of the COVID-19 extension of 春节 (Friday 01-31 and the cancelled 调休 Saturday 02-01).
    /// </summary>
    [Theory]
    [InlineData(2020, 13)]
    [InlineData(2021, 11)]
    [InlineData(2022, 11)]
    [InlineData(2023, 11)]
    [InlineData(2024, 11)]
    [InlineData(2025, 13)]
    [InlineData(2026, 13)]
    public void EachYearGivesItsStatutoryDaysOff(int year, int statutoryDays)
    {
        var days = SetupRecipeHolidays.Years.Single(y => y.Year == year).Days;
        var weekdayRest = days.Count(d => d.IsHoliday && !WorkingDayMath.IsWeekend(d.Date));
        var workedWeekend = days.Count(d => !d.IsHoliday);
        Assert.Equal(statutoryDays, weekdayRest - workedWeekend);
    }

    [Theory]
    [InlineData(2020, 249)]
    [InlineData(2024, 251)]
    [InlineData(2025, 248)]
    public void WorkingDaysInAYear(int year, int expected)
        => Assert.Equal(expected, WorkingDayMath.CountWorkingDays(new DateOnly(year - 1, 12, 31), new DateOnly(year, 12, 31), SetupRecipeHolidays.Days));

    [Fact]
    public void TwentyTwentySevenHasTheStatutoryHolidaysOnlyMarkedAsProvisional()
    {
        var days = SetupRecipeHolidays.Years.Single(y => y.Year == 2027).Days;
        Assert.Equal(
            // 《全国年节及纪念日放假办法》 (2024): 除夕 and 初一–初三 of 春节 (2027-02-05…08), 清明, 端午, 中秋 by the lunar
            // calendar; the State Council's 调休 arrangement for 2027 is not in the data until it is published.
            ["2027-01-01", "2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08", "2027-04-05", "2027-05-01", "2027-05-02",
             "2027-06-09", "2027-09-15", "2027-10-01", "2027-10-02", "2027-10-03"],
            days.Select(d => IsoDate.ToText(d.Date)));
        Assert.All(days, d => Assert.True(d.IsHoliday));
        Assert.All(days, d => Assert.EndsWith("（法定节假日，待国务院办公厅安排公布后更新）", d.Name, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("2023-09-29", "中秋节、国庆节")]
    [InlineData("2023-10-06", "中秋节、国庆节")]
    [InlineData("2020-02-02", "春节（疫情防控延长假期）")]
    [InlineData("2022-12-31", "元旦")]
    [InlineData("2026-02-23", "春节")]
    public void NamedHolidays(string date, string name)
    {
        var day = SetupRecipeHolidays.Days[DateOnly.ParseExact(date, IsoDate.Format, System.Globalization.CultureInfo.InvariantCulture)];
        Assert.True(day.IsHoliday);
        Assert.Equal(name, day.Name);
    }
}
