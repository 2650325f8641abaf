using System.Globalization;

namespace Transparency.Replies.ViewModels;

/// <summary>Dates as the back office shows them: Beijing time, ISO order.</summary>
public static class ViewFormat
{
    public static string Local(DateTime utc) => utc.AddHours(8).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
