using System.Text;
using Lucene.Net.QueryParsers.Classic;

namespace Transparency.Search.Services;

/// <summary>
/// Rewrites query text so that a word of a synonym group also finds the others: “流动摊贩 整治” becomes
/// <c>("流动摊贩" OR "占道经营" OR "马路市场") 整治</c>. The longest member wins where members overlap
/// (生活垃圾分类 before 垃圾分类); text inside the user's own quotes is left alone.
/// </summary>
public static class SynonymExpansion
{
    public static string Expand(string text, IReadOnlyList<IReadOnlyList<string>> groups)
    {
        if (groups.Count == 0 || text.Length == 0)
        {
            return text;
        }

        var members = groups
            .SelectMany(g => g.Select(m => (Member: m, Group: g)))
            .Where(x => x.Member.Length > 0)
            .OrderByDescending(x => x.Member.Length)
            .ToList();
        var result = new StringBuilder(text.Length * 2);
        var quoted = false;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\\' && i + 1 < text.Length)
            {
                result.Append(c).Append(text[i + 1]);
                i += 2;
                continue;
            }

            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && Match(text, i, members) is { } match)
            {
                result.Append(" (").AppendJoin(" OR ", match.Group.Select(m => "\"" + QueryParserBase.Escape(m) + "\"")).Append(") ");
                i += match.Member.Length;
                continue;
            }

            result.Append(c);
            i++;
        }

        return result.ToString();
    }

    private static (string Member, IReadOnlyList<string> Group)? Match(string text, int at, List<(string Member, IReadOnlyList<string> Group)> members)
    {
        foreach (var candidate in members)
        {
            if (string.Compare(text, at, candidate.Member, 0, candidate.Member.Length, StringComparison.OrdinalIgnoreCase) == 0
                && at + candidate.Member.Length <= text.Length)
            {
                return candidate;
            }
        }

        return null;
    }
}
