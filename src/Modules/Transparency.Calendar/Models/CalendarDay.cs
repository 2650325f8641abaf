namespace Transparency.Calendar.Models;

/// <summary>
/// A day that departs from the weekly rhythm: a public holiday (rest day) or an adjusted working day
/// (调休上班, a weekend day worked). Days not listed follow the rule: Saturday and Sunday rest, other days work.
/// </summary>
public sealed class CalendarDay
{
    public const int NameMaxLength = 50;

    public DateOnly Date { get; set; }

    /// <summary>True for a public holiday (rest day); false for an adjusted working day.</summary>
    public bool IsHoliday { get; set; }

    /// <summary>E.g. 春节, 国庆节, 春节调休.</summary>
    public string Name { get; set; } = "";
}
