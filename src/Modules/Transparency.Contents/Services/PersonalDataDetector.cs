using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Transparency.Core.Content;

namespace Transparency.Contents.Services;

/// <summary>
/// <see cref="IPersonalDataDetector"/>: regular expressions over the text runs of the HTML (never tags or
/// attribute values), each candidate then checked where a check exists (ID check digit, Luhn). A digit run
/// only matches as a whole: a mobile number inside a longer number is not a hit.
/// </summary>
public sealed partial class PersonalDataDetector : IPersonalDataDetector
{
    private const int TimeoutMs = 2000;

    /// <summary>Kinds in the order they win when two candidates overlap (an e-mail "13905511234@qq.com" is one e-mail).</summary>
    private static readonly PersonalDataKind[] Priority =
    [
        PersonalDataKind.Email, PersonalDataKind.IdCardNumber, PersonalDataKind.BankCard, PersonalDataKind.MobileNumber, PersonalDataKind.Landline,
    ];

    private static readonly int[] IdWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

    public IReadOnlyList<PersonalDataHit> Detect(string? html)
    {
        if (string.IsNullOrEmpty(html))
        {
            return [];
        }

        var hits = new List<PersonalDataHit>();
        foreach (var segment in HtmlTextScanner.Segments(html))
        {
            var candidates = new List<(PersonalDataKind Kind, int Start, int End)>();
            foreach (var kind in Priority)
            {
                foreach (Match m in PatternOf(kind).Matches(segment.Text))
                {
                    if (IsValid(kind, m.Value))
                    {
                        candidates.Add((kind, m.Index, m.Index + m.Length));
                    }
                }
            }

            var accepted = new List<(PersonalDataKind Kind, int Start, int End)>();
            foreach (var c in candidates) // already in priority order
            {
                if (!accepted.Exists(a => a.Start < c.End && c.Start < a.End))
                {
                    accepted.Add(c);
                }
            }

            foreach (var (kind, start, end) in accepted.OrderBy(a => a.Start))
            {
                var htmlStart = segment.HtmlStart(start);
                hits.Add(new PersonalDataHit(kind, segment.Text[start..end], htmlStart, segment.HtmlEnd(end) - htmlStart));
            }
        }

        return hits;
    }

    public string Redact(string html, IReadOnlyCollection<string> values, string reason)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(values);
        var wanted = values
            .Select(v => v.Replace('\u00A0', ' '))
            .Where(v => v.Trim().Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (wanted.Count == 0)
        {
            return html;
        }

        var ranges = new List<(int Start, int End)>();
        foreach (var segment in HtmlTextScanner.Segments(html))
        {
            var found = new List<(int Start, int End)>();
            foreach (var value in wanted)
            {
                for (var at = segment.Text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = segment.Text.IndexOf(value, at + value.Length, StringComparison.Ordinal))
                {
                    found.Add((at, at + value.Length));
                }
            }

            var lastEnd = -1;
            foreach (var (start, end) in found.OrderBy(f => f.Start).ThenByDescending(f => f.End))
            {
                if (start >= lastEnd)
                {
                    ranges.Add((segment.HtmlStart(start), segment.HtmlEnd(end)));
                    lastEnd = end;
                }
            }
        }

        if (ranges.Count == 0)
        {
            return html;
        }

        var mark = WebUtility.HtmlEncode($"〔已删除：{reason}〕");
        var result = new StringBuilder(html.Length);
        var copied = 0;
        foreach (var (start, end) in ranges) // segments come in document order, ranges in each too
        {
            result.Append(html, copied, start - copied).Append(mark);
            copied = end;
        }

        return result.Append(html, copied, html.Length - copied).ToString();
    }

    private static Regex PatternOf(PersonalDataKind kind) => kind switch
    {
        PersonalDataKind.MobileNumber => MobilePattern(),
        PersonalDataKind.Landline => LandlinePattern(),
        PersonalDataKind.IdCardNumber => IdCardPattern(),
        PersonalDataKind.Email => EmailPattern(),
        PersonalDataKind.BankCard => BankCardPattern(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static bool IsValid(PersonalDataKind kind, string value) => kind switch
    {
        PersonalDataKind.IdCardNumber => IsValidIdNumber(value),
        PersonalDataKind.BankCard => PassesLuhn(value),
        _ => true,
    };

    /// <summary>GB 11643-1999: a real birth date, and the check digit over the first 17 digits.</summary>
    internal static bool IsValidIdNumber(string value)
    {
        if (value.Length != 18
            || !DateOnly.TryParseExact(value.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth)
            || birth.Year < 1900)
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (value[i] - '0') * IdWeights[i];
        }

        return char.ToUpperInvariant(value[17]) == "10X98765432"[sum % 11];
    }

    /// <summary>The Luhn check over the digits of <paramref name="value"/> (separators ignored), 16 to 19 digits.</summary>
    internal static bool PassesLuhn(string value)
    {
        var digits = value.Where(char.IsAsciiDigit).Select(c => c - '0').ToArray();
        if (digits.Length is < 16 or > 19)
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i];
            if (i % 2 == 1)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
        }

        return sum % 10 == 0;
    }

    // 13905511234, 139-0551-1234, 139 0551 1234, +86 139…, 86-139…, (+86)139…; never part of a longer number.
    [GeneratedRegex(@"(?<![0-9A-Za-z])(?:(?:\+86|0086|86)[ \-]?|[(（]\+?86[)）] ?)?1[3-9][0-9](?:[ \-]?[0-9]{4}){2}(?![0-9])(?!-[0-9])", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex MobilePattern();

    // 0551-62345678, 0551 62345678, (0551)62345678, （0551）6234567, 010-12345678, optional extension -801 / 转801.
    // An area code is required: eight digits alone are not a telephone number.
    [GeneratedRegex(@"(?<![0-9A-Za-z])(?:[(（]0[0-9]{2,3}[)）][ \-]?|0[0-9]{2,3}[ \-－])[1-9][0-9]{6,7}(?:(?:-|转)[0-9]{1,6})?(?![0-9])", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex LandlinePattern();

    // 18 characters, the last a digit or X; the check digit is verified afterwards.
    [GeneratedRegex(@"(?<![0-9A-Za-z])[1-9][0-9]{16}[0-9Xx](?![0-9A-Za-z])", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex IdCardPattern();

    [GeneratedRegex(@"(?<![A-Za-z0-9._%+\-])[A-Za-z0-9][A-Za-z0-9._%+\-]*@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,24}(?![A-Za-z0-9\-])", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex EmailPattern();

    // 16–19 digits in one run, or in groups of four separated by a space or hyphen; Luhn is verified afterwards.
    [GeneratedRegex(@"(?<![0-9A-Za-z])(?:[0-9]{16,19}(?![0-9])|[0-9]{4}(?:[ \-][0-9]{4}){3}(?:[ \-][0-9]{1,3})?(?![ \-]?[0-9]))", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex BankCardPattern();
}
