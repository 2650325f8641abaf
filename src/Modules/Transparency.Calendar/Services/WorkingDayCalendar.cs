using Microsoft.EntityFrameworkCore;
using Transparency.Calendar.Models;
using Transparency.Core.Calendar;
using Transparency.Data;

namespace Transparency.Calendar.Services;

/// <summary>
/// <see cref="IWorkingDayCalendar"/> on the <c>calendar_days</c> table: loads the listed days of the range a
/// question needs and hands them to <see cref="WorkingDayMath"/>. When the answer lies beyond the range loaded,
/// the range is widened and the question asked again, so a long run of holidays is never missed.
/// </summary>
public sealed class WorkingDayCalendar(TransparencyDbContext db) : IWorkingDayCalendar
{
    public async Task<bool> IsWorkingDayAsync(DateOnly date, CancellationToken cancellationToken = default)
        => WorkingDayMath.IsWorkingDay(date, await LoadAsync(date, date, cancellationToken));

    public async Task<DateOnly> AddWorkingDaysAsync(DateOnly start, int workingDays, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        for (var span = (workingDays * 2) + 31; ; span *= 2)
        {
            var end = start.AddDays(span);
            var due = WorkingDayMath.AddWorkingDays(start, workingDays, await LoadAsync(start, end, cancellationToken));
            if (due <= end)
            {
                return due;
            }
        }
    }

    public async Task<int> CountWorkingDaysAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
        => to <= from ? 0 : WorkingDayMath.CountWorkingDays(from, to, await LoadAsync(from.AddDays(1), to, cancellationToken));

    public async Task<DeadlineComputation> AddMonthsAsync(DateOnly start, int months, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(months);
        var nominal = start.AddMonths(months);
        for (var span = 31; ; span *= 2)
        {
            var end = nominal.AddDays(span);
            var computation = WorkingDayMath.AddMonths(start, months, await LoadAsync(start, end, cancellationToken));
            if (computation.Due <= end)
            {
                return computation;
            }
        }
    }

    public async Task<IReadOnlyList<SpecialDay>> SpecialDaysAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
        => await db.Set<CalendarDay>().AsNoTracking()
            .Where(d => d.Date >= from && d.Date <= to)
            .OrderBy(d => d.Date)
            .Select(d => new SpecialDay(d.Date, d.IsHoliday, d.Name))
            .ToListAsync(cancellationToken);

    private async Task<IReadOnlyDictionary<DateOnly, SpecialDay>> LoadAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
        => WorkingDayMath.Index(await SpecialDaysAsync(from, to, cancellationToken));
}
