namespace Transparency.Calendar.ViewModels;

/// <summary>The add-a-day form, as typed (checked by the controller so errors name the field).</summary>
public sealed class CalendarDayInput
{
    public const string Holiday = "holiday";
    public const string Workday = "workday";

    public string? Date { get; set; }

    /// <summary><see cref="Holiday"/> or <see cref="Workday"/>.</summary>
    public string? Kind { get; set; }

    public string? Name { get; set; }
}
