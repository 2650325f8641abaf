using Transparency.Calendar.Services;
using Transparency.Core.Calendar;

namespace Transparency.Calendar.ViewModels;

/// <summary>How the pages write dates: <c>2024-10-01</c> and the day of the week (周二), the latter to be localized.</summary>
public static class CalendarFormat
{
    private static readonly string[] Weekdays = ["周日", "周一", "周二", "周三", "周四", "周五", "周六"];

    public static string Date(DateOnly date) => IsoDate.ToText(date);

    public static string Weekday(DateOnly date) => Weekdays[(int)date.DayOfWeek];

    /// <summary>Consecutive days of the same kind and name as one run, e.g. 国庆节 2024-10-01 to 2024-10-07.</summary>
    public static IReadOnlyList<SpecialDayRun> Runs(IEnumerable<SpecialDay> days)
    {
        var runs = new List<SpecialDayRun>();
        foreach (var day in days.OrderBy(d => d.Date))
        {
            if (runs.Count > 0 && runs[^1] is var last && last.To.AddDays(1) == day.Date && last.IsHoliday == day.IsHoliday && last.Name == day.Name)
            {
                runs[^1] = last with { To = day.Date };
            }
            else
            {
                runs.Add(new SpecialDayRun(day.Date, day.Date, day.IsHoliday, day.Name));
            }
        }

        return runs;
    }
}

/// <summary>Days <paramref name="From"/> to <paramref name="To"/> (inclusive) of one kind and name.</summary>
public sealed record SpecialDayRun(DateOnly From, DateOnly To, bool IsHoliday, string Name);
