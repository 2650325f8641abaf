using Lucene.Net.Search;

namespace Transparency.Search.Services;

/// <summary>
/// The words a query looks for in one field, as <see cref="Snippets"/> marks them. A word the analyzer cut into several
/// tokens (路灯 → +路 +灯, or the phrase "占道经营" → 占 道 经营) keeps its tokens together as one <see cref="Word"/>;
/// prefix and wildcard queries give their literal beginning; excluded clauses (NOT) give nothing.
/// </summary>
public static class HighlightTerms
{
    /// <param name="Whole">The word as it stands in a text (Chinese tokens joined; Latin tokens joined by a space).</param>
    /// <param name="Parts">Its tokens, marked one by one where the whole word is not found.</param>
    public sealed record Word(string Whole, IReadOnlyList<string> Parts);

    /// <summary>The words of <paramref name="query"/> in <paramref name="field"/>, longest first.</summary>
    public static IReadOnlyList<Word> Of(Query query, string field)
    {
        var words = new List<Word>();
        Collect(query, field, words);
        return words
            .Where(w => w.Whole.Length > 0)
            .DistinctBy(w => w.Whole, StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(w => w.Whole.Length)
            .ToList();
    }

    private static void Collect(Query query, string field, List<Word> words)
    {
        switch (query)
        {
            case TermQuery term when term.Term.Field == field:
                words.Add(Single(term.Term.Text));
                break;
            case PhraseQuery phrase:
                AddJoined(phrase.GetTerms().Where(t => t.Field == field).Select(t => t.Text).ToList(), words);
                break;
            case BooleanQuery boolean when IsSplitWord(boolean, field, out var tokens):
                AddJoined(tokens, words);
                break;
            case BooleanQuery boolean:
                foreach (var clause in boolean.Clauses.Where(c => c.Occur != Occur.MUST_NOT))
                {
                    Collect(clause.Query, field, words);
                }

                break;
            case DisjunctionMaxQuery max:
                foreach (var disjunct in max.Disjuncts)
                {
                    Collect(disjunct, field, words);
                }

                break;
            case PrefixQuery prefix when prefix.Prefix.Field == field:
                words.Add(Single(prefix.Prefix.Text));
                break;
            case WildcardQuery wildcard when wildcard.Term.Field == field:
                words.Add(Single(LiteralStart(wildcard.Term.Text)));
                break;
            case FuzzyQuery fuzzy when fuzzy.Term.Field == field:
                words.Add(Single(fuzzy.Term.Text));
                break;
            case MultiPhraseQuery multi:
                foreach (var term in multi.GetTermArrays().SelectMany(a => a).Where(t => t.Field == field))
                {
                    words.Add(Single(term.Text));
                }

                break;
        }
    }

    /// <summary>A clause group the parser made of one typed word: only required single terms of this field.</summary>
    private static bool IsSplitWord(BooleanQuery query, string field, out List<string> tokens)
    {
        tokens = [];
        foreach (var clause in query.Clauses)
        {
            if (clause.Occur != Occur.MUST || clause.Query is not TermQuery term || term.Term.Field != field)
            {
                return false;
            }

            tokens.Add(term.Term.Text);
        }

        return tokens.Count > 1;
    }

    private static void AddJoined(List<string> tokens, List<Word> words)
    {
        if (tokens.Count == 0)
        {
            return;
        }

        var latin = tokens.All(t => t.Length > 0 && char.IsAsciiLetterOrDigit(t[0]));
        words.Add(new Word(string.Join(latin ? " " : "", tokens), tokens.Count > 1 ? tokens : []));
    }

    private static Word Single(string text) => new(text, []);

    private static string LiteralStart(string pattern)
    {
        var wildcard = pattern.IndexOfAny(['*', '?']);
        return wildcard < 0 ? pattern : pattern[..wildcard];
    }
}
