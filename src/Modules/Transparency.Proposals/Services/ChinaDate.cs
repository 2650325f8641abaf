using System.Globalization;

namespace Transparency.Proposals.Services;

/// <summary>Dates as written in the bureau's documents and messages, e.g. 2020年9月1日.</summary>
public static class ChinaDate
{
    public static string Format(DateOnly date) => date.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);
}
