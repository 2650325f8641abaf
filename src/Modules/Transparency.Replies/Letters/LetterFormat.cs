using System.Globalization;

namespace Transparency.Replies.Letters;

/// <summary>
/// The measures of the letter, after GB/T 9704-2012 (党政机关公文格式): A4, margins 37/35/28/26 mm, body in 3号仿宋
/// with 28 pt lines, title in 2号小标宋, red letterhead and rule. Lengths are in twips (1/20 pt) unless named otherwise.
/// </summary>
internal static class LetterFormat
{
    public const string LatinFont = "Times New Roman";

    /// <summary>仿宋 (FangSong): body text.</summary>
    public const string FangSong = "仿宋";

    /// <summary>黑体 (SimHei): first-level headings, the outcome mark.</summary>
    public const string HeiTi = "黑体";

    /// <summary>楷体 (KaiTi): second-level headings.</summary>
    public const string KaiTi = "楷体";

    /// <summary>宋体 (SimSun): page numbers, the fallback of the title font.</summary>
    public const string SongTi = "宋体";

    /// <summary>方正小标宋简体: letterhead and title; Word and LibreOffice fall back to 宋体 / a CJK serif when missing.</summary>
    public const string TitleFont = "方正小标宋简体";

    public const string Red = "FF0000";

    public const int PageWidth = 11906;
    public const int PageHeight = 16838;
    public const int MarginTop = 2098;     // 37 mm
    public const int MarginBottom = 1984;  // 35 mm
    public const int MarginLeft = 1587;    // 28 mm
    public const int MarginRight = 1474;   // 26 mm
    public const int HeaderDistance = 851;
    public const int FooterDistance = 1304; // page number 7 mm below the text block
    public const int TextWidth = PageWidth - MarginLeft - MarginRight;

    /// <summary>三号 (16 pt) in half-points: body.</summary>
    public const int BodySize = 32;

    /// <summary>二号 (22 pt): title.</summary>
    public const int TitleSize = 44;

    /// <summary>初号 (42 pt): the largest letterhead; long unit names are made smaller to fit one line.</summary>
    public const int LetterheadMaxSize = 84;

    /// <summary>四号 (14 pt): colophon, page numbers, table cells.</summary>
    public const int SmallSize = 28;

    /// <summary>One character of body text (16 pt).</summary>
    public const int BodyChar = 320;

    /// <summary>Fixed line pitch of body text: 28 pt (22 lines a page).</summary>
    public const int BodyLine = 560;

    public const int TitleLine = 700;

    /// <summary>Chinese type sizes (字号) in half-points.</summary>
    private static readonly Dictionary<string, int> ChineseSizes = new(StringComparer.Ordinal)
    {
        ["初号"] = 84, ["小初"] = 72, ["一号"] = 52, ["小一"] = 48, ["二号"] = 44, ["小二"] = 36,
        ["三号"] = 32, ["小三"] = 30, ["四号"] = 28, ["小四"] = 24, ["五号"] = 21, ["小五"] = 18,
    };

    /// <summary>A size attribute: a 字号 name (二号, 小四 …) or points (16, 10.5); null when not understood.</summary>
    public static int? ParseSize(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Trim();
        if (ChineseSizes.TryGetValue(text, out var halfPoints))
        {
            return halfPoints;
        }

        if (text.EndsWith("pt", StringComparison.OrdinalIgnoreCase))
        {
            text = text[..^2];
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var points) && points is >= 4 and <= 200
            ? (int)Math.Round(points * 2)
            : null;
    }

    /// <summary>A colour attribute: red, black or six hex digits; null when not understood.</summary>
    public static string? ParseColor(string? value)
    {
        var text = value?.Trim().TrimStart('#');
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (text.Equals("red", StringComparison.OrdinalIgnoreCase) || text == "红")
        {
            return Red;
        }

        if (text.Equals("black", StringComparison.OrdinalIgnoreCase) || text == "黑")
        {
            return "000000";
        }

        return text.Length == 6 && text.All(char.IsAsciiHexDigit) ? text.ToUpperInvariant() : null;
    }

    /// <summary>A font name attribute: kept when it is a plausible font name.</summary>
    public static string? ParseFont(string? value)
    {
        var text = value?.Trim();
        return string.IsNullOrEmpty(text) || text.Length > 31 || text.Any(char.IsControl) ? null : text;
    }
}
