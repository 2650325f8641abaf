using System.Globalization;
using System.Text;

namespace Transparency.Replies.Letters;

/// <summary>Small text helpers: XML-safe characters, Chinese character widths, Chinese dates.</summary>
internal static class LetterText
{
    /// <summary>Removes characters XML 1.0 cannot hold (control characters, lone surrogates, U+FFFE/U+FFFF).</summary>
    public static string CleanXml(string text)
    {
        var clean = true;
        for (var i = 0; i < text.Length; i++)
        {
            if (!IsXmlChar(text, i, out var pair))
            {
                clean = false;
                break;
            }

            if (pair)
            {
                i++;
            }
        }

        if (clean)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (IsXmlChar(text, i, out var pair))
            {
                builder.Append(text[i]);
                if (pair)
                {
                    builder.Append(text[i + 1]);
                    i++;
                }
            }
        }

        return builder.ToString();
    }

    private static bool IsXmlChar(string text, int index, out bool surrogatePair)
    {
        surrogatePair = false;
        var c = text[index];
        if (char.IsHighSurrogate(c))
        {
            surrogatePair = index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]);
            return surrogatePair;
        }

        if (char.IsLowSurrogate(c))
        {
            return false;
        }

        return c is '\t' or '\n' or '\r' || (c >= 0x20 && c != '\uFFFE' && c != '\uFFFF');
    }

    /// <summary>True for characters set full-width in Chinese type: Han, kana, Hangul, CJK and full-width punctuation.</summary>
    public static bool IsWide(char c)
        => c is (>= '\u1100' and <= '\u115F')
            or (>= '\u2014' and <= '\u2026')
            or (>= '\u2E80' and <= '\uA4CF')
            or (>= '\uAC00' and <= '\uD7A3')
            or (>= '\uD800' and <= '\uDFFF')
            or (>= '\uF900' and <= '\uFAFF')
            or (>= '\uFE30' and <= '\uFE4F')
            or (>= '\uFF00' and <= '\uFF60')
            or (>= '\uFFE0' and <= '\uFFE6');

    /// <summary>Width of <paramref name="text"/> in character cells: full-width characters 1, others ½.</summary>
    public static double Width(string text)
    {
        var width = 0.0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                width += 1;
                i++;
                continue;
            }

            width += IsWide(c) ? 1 : 0.5;
        }

        return width;
    }

    /// <summary>A date as written in official documents: 2020年8月20日.</summary>
    public static string ChineseDate(DateOnly date)
        => string.Create(CultureInfo.InvariantCulture, $"{date.Year}年{date.Month}月{date.Day}日");

    /// <summary>Line and column (1-based) of an index in <paramref name="text"/>.</summary>
    public static (int Line, int Column) Position(string text, int index)
    {
        var line = 1;
        var column = 1;
        for (var i = 0; i < index && i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }
        }

        return (line, column);
    }
}
