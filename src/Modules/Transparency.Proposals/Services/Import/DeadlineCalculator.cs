using System.Globalization;
using Transparency.Core.Calendar;

namespace Transparency.Proposals.Services.Import;

/// <summary>
/// Due dates for many assignments from one read of the calendar: the special days of a range are loaded once
/// (<see cref="IWorkingDayCalendar.SpecialDaysAsync"/>) and the same rule the calendar uses
/// (<see cref="WorkingDayMath.AddMonths"/>) is applied to them in memory.
/// </summary>
public sealed class DeadlineCalculator
{
    /// <summary>Days loaded beyond the latest nominal date, so that a run of holidays after it is known.</summary>
    public const int Margin = 60;

    private readonly IReadOnlyDictionary<DateOnly, SpecialDay> _special;
    private readonly DateOnly _from;
    private readonly DateOnly _to;

    private DeadlineCalculator(IEnumerable<SpecialDay> days, DateOnly from, DateOnly to)
    {
        _special = WorkingDayMath.Index(days);
        _from = from;
        _to = to;
    }

    /// <summary>Loads the special days for deadlines of assignments dated <paramref name="first"/>..<paramref name="last"/>, at most <paramref name="maxMonths"/> long.</summary>
    public static async Task<DeadlineCalculator> LoadAsync(IWorkingDayCalendar calendar, DateOnly first, DateOnly last, int maxMonths, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var to = last.AddMonths(maxMonths).AddDays(Margin);
        return new DeadlineCalculator(await calendar.SpecialDaysAsync(first, to, cancellationToken), first, to);
    }

    /// <summary>A calculator over special days already loaded for <paramref name="from"/>..<paramref name="to"/>.</summary>
    public static DeadlineCalculator Over(IEnumerable<SpecialDay> days, DateOnly from, DateOnly to) => new(days, from, to);

    public bool IsWorkingDay(DateOnly date) => WorkingDayMath.IsWorkingDay(date, _special);

    /// <summary><paramref name="months"/> calendar months after <paramref name="start"/>, moved forward to the next working day.</summary>
    public DateOnly AddMonths(DateOnly start, int months)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(months);
        var (due, _) = WorkingDayMath.NextWorkingDay(start.AddMonths(months), _special);
        if (start < _from || due > _to)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"The deadline {due:yyyy-MM-dd} lies outside the loaded calendar range {_from:yyyy-MM-dd}..{_to:yyyy-MM-dd}."));
        }

        return due;
    }
}
