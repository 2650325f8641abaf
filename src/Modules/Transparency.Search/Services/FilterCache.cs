using System.Collections.Concurrent;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Transparency.Search.Services;

/// <summary>
/// The exact-value filters of a search (type, year, unit, …) as bit sets kept per index segment. A filter is computed
/// once per segment and then answers “is this document in?” by one bit, so the query's own matches drive the search.
/// Without it every search walked the filter's postings beside the query's (type:reply alone matches every reply), about
/// half of a search's CPU time (docs/performance.md). Entries of merged-away segments go with their readers; the number
/// of combinations kept is bounded, since their values come from query strings.
/// </summary>
public sealed class FilterCache
{
    /// <summary>At 100,000 documents a combination costs 12.5 KB per segment.</summary>
    public const int MaxCombinations = 512;

    private readonly ConcurrentDictionary<string, Filter> _filters = new(StringComparer.Ordinal);

    /// <summary>The filter requiring every term, or null when there is none.</summary>
    public Filter? For(IReadOnlyCollection<Term> terms)
    {
        if (terms.Count == 0)
        {
            return null;
        }

        var key = string.Join('\u001f', terms.Select(t => t.Field + "\u001e" + t.Text).Order(StringComparer.Ordinal));
        if (_filters.TryGetValue(key, out var cached))
        {
            return cached;
        }

        if (_filters.Count >= MaxCombinations)
        {
            _filters.Clear();
        }

        var all = new BooleanQuery();
        foreach (var term in terms)
        {
            all.Add(new TermQuery(term), Occur.MUST);
        }

        return _filters.GetOrAdd(key, new BitSetFilter(new QueryWrapperFilter(all)));
    }

    /// <summary>Caches as a <see cref="FixedBitSet"/>, which offers random access (Lucene's default cache does not).</summary>
    private sealed class BitSetFilter(Filter filter) : CachingWrapperFilter(filter)
    {
        protected override DocIdSet CacheImpl(DocIdSetIterator iterator, AtomicReader reader)
        {
            var bits = new FixedBitSet(reader.MaxDoc);
            bits.Or(iterator);
            return bits;
        }
    }
}
