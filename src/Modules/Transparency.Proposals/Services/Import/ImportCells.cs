using System.Globalization;

namespace Transparency.Proposals.Services.Import;

/// <summary>Typed reads of the cells of an assignment table: lists of names, dates, yes/no.</summary>
public static class ImportCells
{
    /// <summary>Earliest assignment date accepted (typing errors such as 0202 are refused).</summary>
    public static readonly DateOnly MinDate = new(1990, 1, 1);

    /// <summary>Latest assignment date accepted.</summary>
    public static readonly DateOnly MaxDate = new(2100, 12, 31);

    private static readonly string[] DateFormats =
        ["yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyy年M月d日", "yyyy-M-d H:mm:ss", "yyyy/M/d H:mm:ss", "yyyy/M/d H:mm"];

    private static readonly char[] SeparatorChars = [.. AssignmentTableColumns.Separators];

    /// <summary>Names separated by 、 , ， ; ；, trimmed, blanks left out.</summary>
    public static IReadOnlyList<string> Names(string text)
        => text.Split(SeparatorChars, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>A date cell: an Excel date, an Excel serial number, or text as yyyy-MM-dd, yyyy/M/d, yyyy.M.d or yyyy年M月d日.</summary>
    public static bool TryDate(object? value, out DateOnly date)
    {
        date = default;
        switch (value)
        {
            case DateTime time:
                date = DateOnly.FromDateTime(time);
                break;
            case DateOnly d:
                date = d;
                break;
            case double serial when serial is >= 1 and < 2958466:
                date = DateOnly.FromDateTime(DateTime.FromOADate(serial));
                break;
            case string text when DateTime.TryParseExact(text.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed):
                date = DateOnly.FromDateTime(parsed);
                break;
            default:
                return false;
        }

        return date >= MinDate && date <= MaxDate;
    }

    /// <summary>是 / 否 (also Y/N, 1/0, true/false, 重点, √); blank is no; null when not understood.</summary>
    public static bool? YesNo(string text) => text.Trim().ToUpperInvariant() switch
    {
        "" or "否" or "N" or "NO" or "0" or "FALSE" => false,
        "是" or "Y" or "YES" or "1" or "TRUE" or "重点" or "√" => true,
        _ => null,
    };

    public static string YesNo(bool value) => value ? "是" : "否";

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
