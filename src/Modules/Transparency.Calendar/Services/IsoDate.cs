using System.Globalization;

namespace Transparency.Calendar.Services;

/// <summary>Dates as the calendar reads and writes them: <c>yyyy-MM-dd</c>, whatever the culture.</summary>
public static class IsoDate
{
    public const string Format = "yyyy-MM-dd";

    /// <summary>Parses exactly <c>yyyy-MM-dd</c> (surrounding spaces allowed).</summary>
    public static bool TryParse(string? text, out DateOnly date)
        => DateOnly.TryParseExact(text?.Trim(), Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public static string ToText(DateOnly date) => date.ToString(Format, CultureInfo.InvariantCulture);
}
