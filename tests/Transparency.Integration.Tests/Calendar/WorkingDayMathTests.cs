using Transparency.Core.Calendar;

namespace Transparency.Integration.Tests.Calendar;

/// <summary>The working-day rules on the shipped holiday data, without a database or a site.</summary>
public sealed class WorkingDayMathTests
{
    private static readonly IReadOnlyDictionary<DateOnly, SpecialDay> Days = SetupRecipeHolidays.Days;

    private static DateOnly D(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2024-10-08", true)]  // Tuesday after 国庆节
    [InlineData("2024-10-05", false)] // Saturday inside 国庆节
    [InlineData("2024-02-10", false)] // 春节
    [InlineData("2024-02-04", true)]  // Sunday worked (春节调休)
    [InlineData("2024-06-15", false)] // plain Saturday
    [InlineData("2025-01-28", false)] // 除夕, a holiday since the 2025 reform
    [InlineData("2025-05-02", false)] // the second 劳动节 day since the 2025 reform
    [InlineData("2020-01-31", false)] // 春节 extended for COVID-19
    [InlineData("2020-02-01", false)] // its planned 调休 Saturday was cancelled by the extension
    [InlineData("2020-02-03", true)]
    [InlineData("2030-03-05", true)]  // a year not loaded: plain weekday rule
    public void IsWorkingDayFollowsTheWeekAndTheList(string date, bool expected)
        => Assert.Equal(expected, WorkingDayMath.IsWorkingDay(D(date), Days));

    [Fact]
    public void ZeroWorkingDaysIsTheStartItselfEvenOnAHoliday()
        => Assert.Equal(D("2020-10-01"), WorkingDayMath.AddWorkingDays(D("2020-10-01"), 0, Days));

    [Fact]
    public void SevenWorkingDaysAcrossNationalDayCountTheAdjustedWeekendDays()
    {
        // 09-29 (Sun, 调休), 09-30, [10-01…10-07 国庆节], 10-08, 10-09, 10-10, 10-11, 10-12 (Sat, 调休).
        Assert.Equal(D("2024-10-12"), WorkingDayMath.AddWorkingDays(D("2024-09-27"), 7, Days));
        Assert.Equal(7, WorkingDayMath.CountWorkingDays(D("2024-09-27"), D("2024-10-12"), Days));
    }

    [Fact]
    public void OneWorkingDayAfterTheEveOfSpringFestival2020IsAfterTheExtension()
        => Assert.Equal(D("2020-02-03"), WorkingDayMath.AddWorkingDays(D("2020-01-23"), 1, Days));

    [Theory]
    [InlineData("2024-09-30", "2024-10-07", 0)]
    [InlineData("2024-10-08", "2024-10-08", 0)]
    [InlineData("2024-10-09", "2024-10-08", 0)]
    [InlineData("2024-10-07", "2024-10-08", 1)]
    [InlineData("2023-12-31", "2024-12-31", 251)] // the whole of 2024
    public void CountWorkingDaysCountsAfterFromUpToAndIncludingTo(string from, string to, int expected)
        => Assert.Equal(expected, WorkingDayMath.CountWorkingDays(D(from), D(to), Days));

    [Fact]
    public void ThreeMonthsLandingOnNationalDayMovesToTheNextWorkingDay()
    {
        var result = WorkingDayMath.AddMonths(D("2020-07-08"), 3, Days);

        Assert.Equal(D("2020-10-08"), result.Nominal);
        Assert.Equal(D("2020-10-09"), result.Due);
        var skipped = Assert.Single(result.SkippedDays);
        Assert.Equal(new SpecialDay(D("2020-10-08"), true, "国庆节、中秋节"), skipped);
        // 09-27 (调休) and 10-01…10-08; 10-10 (调休) is after the deadline.
        Assert.Equal(9, result.HolidaysInPeriod.Count);
        Assert.Equal(D("2020-09-27"), result.HolidaysInPeriod[0].Date);
        Assert.False(result.HolidaysInPeriod[0].IsHoliday);
        Assert.Equal(D("2020-10-08"), result.HolidaysInPeriod[^1].Date);
    }

    [Fact]
    public void LandingOnTheFirstDayOfAHolidaySkipsTheWholeHoliday()
    {
        var result = WorkingDayMath.AddMonths(D("2020-07-01"), 3, Days);
        Assert.Equal(D("2020-10-09"), result.Due);
        Assert.Equal(8, result.SkippedDays.Count);
        Assert.All(result.SkippedDays, d => Assert.Equal("国庆节、中秋节", d.Name));
    }

    [Fact]
    public void PlainWeekendDaysAreSkippedAsWeekend()
    {
        var result = WorkingDayMath.AddMonths(D("2024-03-16"), 3, Days);
        Assert.Equal(D("2024-06-16"), result.Nominal);
        Assert.Equal(D("2024-06-17"), result.Due);
        Assert.Equal([new SpecialDay(D("2024-06-16"), false, WorkingDayMath.WeekendName)], result.SkippedDays);
        Assert.Equal(["清明节", "劳动节", "端午节"], result.HolidaysInPeriod.Where(d => d.IsHoliday).Select(d => d.Name).Distinct());
    }

    [Fact]
    public void AHolidayEndingOnAWeekendMayRollOntoAnAdjustedWorkingSunday()
    {
        // 清明节 2024: 04-04…04-06 (Thu–Sat); Sunday 04-07 is worked.
        var result = WorkingDayMath.AddMonths(D("2024-03-06"), 1, Days);
        Assert.Equal(D("2024-04-06"), result.Nominal);
        Assert.Equal(D("2024-04-07"), result.Due);
        Assert.Equal(["清明节"], result.SkippedDays.Select(d => d.Name));
    }

    [Theory]
    [InlineData("2023-01-31", 1, "2023-02-28", "2023-02-28")] // the day is clamped to the end of February
    [InlineData("2024-01-31", 1, "2024-02-29", "2024-02-29")] // leap year
    [InlineData("2024-12-31", 1, "2025-01-31", "2025-02-05")] // clamped, then inside 春节 2025
    [InlineData("2025-03-31", 6, "2025-09-30", "2025-09-30")]
    public void MonthsAreCalendarMonthsWithTheDayClamped(string start, int months, string nominal, string due)
    {
        var result = WorkingDayMath.AddMonths(D(start), months, Days);
        Assert.Equal(D(nominal), result.Nominal);
        Assert.Equal(D(due), result.Due);
    }

    [Fact]
    public void ZeroMonthsOnAWorkingDayIsThatDay()
    {
        var result = WorkingDayMath.AddMonths(D("2024-10-08"), 0, Days);
        Assert.Equal(D("2024-10-08"), result.Due);
        Assert.Empty(result.SkippedDays);
    }

    [Fact]
    public void NegativeInputIsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WorkingDayMath.AddMonths(D("2024-10-08"), -1, Days));
        Assert.Throws<ArgumentOutOfRangeException>(() => WorkingDayMath.AddWorkingDays(D("2024-10-08"), -1, Days));
    }
}
