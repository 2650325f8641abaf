using System.Globalization;

namespace Transparency.Search.Services;

/// <summary>What a synonym list may hold; shared by the admin form and the <c>SearchSynonyms</c> recipe step.</summary>
public static class SynonymRules
{
    public const int MaxGroups = 500;
    public const int MaxMembers = 20;
    public const int MaxMemberLength = 30;

    /// <summary>Separators between the words of one line of the form: / ／ , ， 、 ; ；</summary>
    private static readonly char[] Separators = ['/', '／', ',', '，', '、', ';', '；'];

    /// <summary>Reads the form's text, one group per line; blank lines are skipped. Errors name the line.</summary>
    public static (List<List<string>> Groups, List<string> Errors) Parse(string? text)
    {
        var groups = new List<List<string>>();
        var lineOf = new List<int>();
        var errors = new List<string>();
        var lines = (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }

            var members = lines[i].Split(Separators).Select(m => m.Trim()).ToList();
            var error = Check(members);
            if (error is null)
            {
                groups.Add(Normalize(members));
                lineOf.Add(i + 1);
            }
            else
            {
                errors.Add(string.Format(CultureInfo.InvariantCulture, "第{0}行：{1}", i + 1, error));
            }
        }

        errors.AddRange(CheckAll(groups, g => string.Format(CultureInfo.InvariantCulture, "第{0}行", lineOf[g])));
        return (groups, errors);
    }

    /// <summary>What is wrong with one group, or null.</summary>
    public static string? Check(IReadOnlyList<string> members)
    {
        if (members.All(string.IsNullOrWhiteSpace))
        {
            return "同义词组为空。";
        }

        if (members.Any(string.IsNullOrWhiteSpace))
        {
            return "含有空的词语（两个分隔符之间没有文字）。";
        }

        var distinct = Normalize(members);
        if (distinct.Count < 2)
        {
            return "同义词组至少需要两个不同的词语。";
        }

        if (distinct.Count > MaxMembers)
        {
            return $"一组最多{MaxMembers}个词语。";
        }

        return distinct.FirstOrDefault(m => m.Length > MaxMemberLength) is { } tooLong
            ? $"词语“{Shorten(tooLong)}”超过{MaxMemberLength}个字符。"
            : distinct.FirstOrDefault(m => m.Contains('"', StringComparison.Ordinal) || m.Contains('\\', StringComparison.Ordinal)) is { } quoted
                ? $"词语“{Shorten(quoted)}”不能含有英文引号或反斜杠。"
                : null;
    }

    /// <summary>Rules across groups: how many, and no word in two groups (the expansion would be ambiguous).</summary>
    public static IEnumerable<string> CheckAll(IReadOnlyList<IReadOnlyList<string>> groups, Func<int, string> name)
    {
        if (groups.Count > MaxGroups)
        {
            yield return $"同义词最多{MaxGroups}组。";
        }

        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var g = 0; g < groups.Count; g++)
        {
            foreach (var member in groups[g])
            {
                if (!seen.TryAdd(member, g) && seen[member] != g)
                {
                    yield return $"{name(g)}：词语“{member}”已出现在{name(seen[member])}，一个词语只能属于一组。";
                }
            }
        }
    }

    /// <summary>The groups as the form shows them: one per line, words separated by “/”.</summary>
    public static string Format(IEnumerable<IReadOnlyList<string>> groups) => string.Join("\n", groups.Select(g => string.Join("/", g)));

    private static List<string> Normalize(IEnumerable<string> members)
        => members.Select(m => m.Trim()).Where(m => m.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    private static string Shorten(string text) => text.Length <= 12 ? text : text[..12] + "…";
}
