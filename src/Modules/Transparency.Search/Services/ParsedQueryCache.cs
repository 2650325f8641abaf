using System.Collections.Concurrent;
using Lucene.Net.Search;

namespace Transparency.Search.Services;

/// <summary>
/// The queries parsed lately, by their text, for as long as the synonym groups they were expanded with stay the same
/// instance (<see cref="SynonymCache"/> keeps it while the groups do not change). Parsing — synonym expansion, analysis,
/// the query parser — is about a tenth of a search, and people search the same words. Searching never changes a Lucene
/// query (rewriting makes new ones), so one parsed query may serve many searches at once.
/// </summary>
public sealed class ParsedQueryCache
{
    /// <summary>Texts kept; when full, the cache starts again empty (a few parses, no bookkeeping per hit).</summary>
    public const int Capacity = 2_000;

    private Generation _generation = new([], new ConcurrentDictionary<string, (Query?, bool)>(StringComparer.Ordinal));

    /// <summary>The parsed form of <paramref name="text"/>, from the cache or from <paramref name="parse"/>.</summary>
    public (Query? Query, bool PlainText) Get(string? text, IReadOnlyList<IReadOnlyList<string>> synonyms, Func<(Query? Query, bool PlainText)> parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var generation = _generation;
        if (!ReferenceEquals(generation.Synonyms, synonyms))
        {
            generation = new Generation(synonyms, new ConcurrentDictionary<string, (Query?, bool)>(StringComparer.Ordinal));
            _generation = generation;
        }

        var key = text ?? "";
        if (generation.Queries.TryGetValue(key, out var parsed))
        {
            return parsed;
        }

        parsed = parse();
        if (generation.Queries.Count >= Capacity)
        {
            generation.Queries.Clear();
        }

        generation.Queries[key] = parsed;
        return parsed;
    }

    private sealed record Generation(IReadOnlyList<IReadOnlyList<string>> Synonyms, ConcurrentDictionary<string, (Query? Query, bool PlainText)> Queries);
}
