using Transparency.Core.Calendar;

namespace Transparency.Calendar.ViewModels;

public sealed class CalendarPageViewModel
{
    public int Year { get; init; }

    /// <summary>The year's listed days, by date.</summary>
    public IReadOnlyList<SpecialDay> Days { get; init; } = [];

    public CalendarDayInput Input { get; init; } = new();

    /// <summary>The calculator's start date, as typed.</summary>
    public string? Start { get; init; }

    /// <summary>The calculator's months, as typed.</summary>
    public string? Months { get; init; }

    /// <summary>The calculator's answer, when it was asked and the input was good.</summary>
    public DeadlineComputation? Deadline { get; init; }
}
