namespace Transparency.Core.Calendar;

/// <summary>
/// The PRC working-day calendar: weekends are rest days unless adjusted to working days (调休上班),
/// weekdays are working days unless they are public holidays. Backed by a table the administrator edits.
/// </summary>
public interface IWorkingDayCalendar
{
    /// <summary>True when <paramref name="date"/> is a working day.</summary>
    Task<bool> IsWorkingDayAsync(DateOnly date, CancellationToken cancellationToken = default);

    /// <summary>
    /// The date <paramref name="workingDays"/> working days after <paramref name="start"/> (the start day itself
    /// does not count), e.g. the last day of a 7-working-day return window.
    /// </summary>
    Task<DateOnly> AddWorkingDaysAsync(DateOnly start, int workingDays, CancellationToken cancellationToken = default);

    /// <summary>Working days in (<paramref name="from"/>, <paramref name="to"/>]: after from, up to and including to.</summary>
    Task<int> CountWorkingDaysAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default);

    /// <summary>
    /// A deadline <paramref name="months"/> calendar months after <paramref name="start"/>; when that day is not a
    /// working day the deadline moves to the next working day. The result explains itself.
    /// </summary>
    Task<DeadlineComputation> AddMonthsAsync(DateOnly start, int months, CancellationToken cancellationToken = default);

    /// <summary>The special days (holidays and adjusted working days) between two dates, inclusive.</summary>
    Task<IReadOnlyList<SpecialDay>> SpecialDaysAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default);
}

/// <summary>How a deadline was computed, for the panel that explains it.</summary>
/// <param name="Start">The date counted from (e.g. the assignment date).</param>
/// <param name="Months">Calendar months added.</param>
/// <param name="Nominal">Start plus months, before adjusting to a working day.</param>
/// <param name="Due">The deadline: the nominal date or the next working day after it.</param>
/// <param name="SkippedDays">Non-working days between the nominal date and the deadline (weekends and holidays), with names.</param>
/// <param name="HolidaysInPeriod">Public holidays and adjusted working days between start and the deadline.</param>
public sealed record DeadlineComputation(
    DateOnly Start,
    int Months,
    DateOnly Nominal,
    DateOnly Due,
    IReadOnlyList<SpecialDay> SkippedDays,
    IReadOnlyList<SpecialDay> HolidaysInPeriod);

/// <summary>A day that is not an ordinary weekday or weekend day.</summary>
/// <param name="Date">The day.</param>
/// <param name="IsHoliday">True for a public holiday (rest day); false for an adjusted working day (调休上班) or a plain weekend.</param>
/// <param name="Name">E.g. 春节, 国庆节, or 周末 for plain weekend days listed in <see cref="DeadlineComputation.SkippedDays"/>.</param>
public sealed record SpecialDay(DateOnly Date, bool IsHoliday, string Name);
