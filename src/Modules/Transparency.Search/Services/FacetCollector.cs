using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Transparency.Core.Search;

namespace Transparency.Search.Services;

/// <summary>
/// Counts, for each facet field, how many matching documents have each value: per segment it counts doc-values
/// ordinals in an array and turns only the non-zero ones into strings (Lucene.Net.Facet is not available here).
/// </summary>
public sealed class FacetCollector(IReadOnlyList<string> fields) : ICollector
{
    private readonly Dictionary<string, Dictionary<string, int>> _totals = fields.ToDictionary(f => f, _ => new Dictionary<string, int>(StringComparer.Ordinal));
    private readonly SortedSetDocValues?[] _values = new SortedSetDocValues?[fields.Count];
    private readonly int[]?[] _counts = new int[]?[fields.Count];

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        Flush();
        for (var f = 0; f < fields.Count; f++)
        {
            var values = context.AtomicReader.GetSortedSetDocValues(fields[f]);
            _values[f] = values;
            _counts[f] = values is null ? null : new int[checked((int)values.ValueCount)];
        }
    }

    public void Collect(int doc)
    {
        for (var f = 0; f < _values.Length; f++)
        {
            if (_values[f] is not { } values)
            {
                continue;
            }

            var counts = _counts[f]!;
            values.SetDocument(doc);
            long ord;
            while ((ord = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
            {
                counts[ord]++;
            }
        }
    }

    /// <summary>Field → values with their counts, most frequent first (ties by value).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Result()
    {
        Flush();
        return _totals.ToDictionary(
            t => t.Key,
            t => (IReadOnlyList<FacetValue>)t.Value.Select(v => new FacetValue(v.Key, v.Value))
                .OrderByDescending(v => v.Count).ThenBy(v => v.Value, StringComparer.Ordinal).ToList());
    }

    private void Flush()
    {
        var bytes = new BytesRef();
        for (var f = 0; f < fields.Count; f++)
        {
            if (_values[f] is not { } values || _counts[f] is not { } counts)
            {
                continue;
            }

            var totals = _totals[fields[f]];
            for (var ord = 0; ord < counts.Length; ord++)
            {
                if (counts[ord] > 0)
                {
                    values.LookupOrd(ord, bytes);
                    var value = bytes.Utf8ToString();
                    totals[value] = totals.GetValueOrDefault(value) + counts[ord];
                }
            }

            _values[f] = null;
            _counts[f] = null;
        }
    }
}
