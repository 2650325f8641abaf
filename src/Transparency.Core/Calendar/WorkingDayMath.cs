namespace Transparency.Core.Calendar;

/// <summary>
/// The working-day rules, without a database. <c>special</c> holds the listed days of the range looked at
/// (holidays and adjusted working days, by date); any day not in it follows the weekly rule: Saturday and
/// Sunday rest, Monday to Friday work. The one implementation of the rule: the Calendar module answers
/// <see cref="IWorkingDayCalendar"/> with it, and bulk callers (the assignment-table import) apply it to
/// special days loaded once.
/// </summary>
public static class WorkingDayMath
{
    /// <summary>The name of a plain weekend day in <see cref="DeadlineComputation.SkippedDays"/>.</summary>
    public const string WeekendName = "周末";

    /// <summary>Indexes special days by date.</summary>
    public static IReadOnlyDictionary<DateOnly, SpecialDay> Index(IEnumerable<SpecialDay> days)
        => days.ToDictionary(d => d.Date);

    /// <summary>True on Saturday and Sunday.</summary>
    public static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    /// <summary>True when <paramref name="date"/> is a working day: a listed day decides, otherwise the weekly rule.</summary>
    public static bool IsWorkingDay(DateOnly date, IReadOnlyDictionary<DateOnly, SpecialDay> special)
        => special.TryGetValue(date, out var day) ? !day.IsHoliday : !IsWeekend(date);

    /// <summary>The day <paramref name="workingDays"/> working days after <paramref name="start"/>; the start day does not count.</summary>
    public static DateOnly AddWorkingDays(DateOnly start, int workingDays, IReadOnlyDictionary<DateOnly, SpecialDay> special)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var date = start;
        for (var counted = 0; counted < workingDays;)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date, special))
            {
                counted++;
            }
        }

        return date;
    }

    /// <summary>Working days in (<paramref name="from"/>, <paramref name="to"/>]; 0 when <paramref name="to"/> is not after <paramref name="from"/>.</summary>
    public static int CountWorkingDays(DateOnly from, DateOnly to, IReadOnlyDictionary<DateOnly, SpecialDay> special)
    {
        var count = 0;
        for (var date = from; date < to;)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date, special))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>The first working day on or after <paramref name="date"/>, and the rest days passed over to reach it.</summary>
    public static (DateOnly Date, IReadOnlyList<SpecialDay> Skipped) NextWorkingDay(DateOnly date, IReadOnlyDictionary<DateOnly, SpecialDay> special)
    {
        var skipped = new List<SpecialDay>();
        while (!IsWorkingDay(date, special))
        {
            skipped.Add(special.TryGetValue(date, out var day) ? day : new SpecialDay(date, false, WeekendName));
            date = date.AddDays(1);
        }

        return (date, skipped);
    }

    /// <summary>
    /// <paramref name="months"/> calendar months after <paramref name="start"/> (the day of month is clamped, e.g.
    /// 01-31 + 1 month = 02-28/29), moved to the next working day when that is a rest day.
    /// </summary>
    public static DeadlineComputation AddMonths(DateOnly start, int months, IReadOnlyDictionary<DateOnly, SpecialDay> special)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(months);
        var nominal = start.AddMonths(months);
        var (due, skipped) = NextWorkingDay(nominal, special);
        var inPeriod = special.Values
            .Where(d => d.Date >= start && d.Date <= due)
            .OrderBy(d => d.Date)
            .ToList();
        return new DeadlineComputation(start, months, nominal, due, skipped, inPeriod);
    }
}
