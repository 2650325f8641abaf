using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Transparency.Core.Search;

namespace Transparency.Search.Services;

/// <summary>
/// Counts, for each facet field, how many matching documents have each value (Lucene.Net.Facet is not available here).
/// Per segment, each field's doc-values ordinals are read once into plain arrays (<see cref="SegmentOrdinals"/>, cached
/// for the life of the segment), so counting a match is an array increment; only non-zero ordinals become strings.
/// </summary>
public sealed class FacetCollector(IReadOnlyList<string> fields) : ICollector
{
    private static readonly ConditionalWeakTable<object, Dictionary<string, SegmentOrdinals?>> Segments = [];

    private readonly Dictionary<string, Dictionary<string, int>> _totals = fields.ToDictionary(f => f, _ => new Dictionary<string, int>(StringComparer.Ordinal));
    private readonly SegmentOrdinals?[] _ordinals = new SegmentOrdinals?[fields.Count];
    private readonly int[]?[] _counts = new int[]?[fields.Count];

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        Flush();
        var reader = context.AtomicReader;
        var cached = Segments.GetValue(reader.CoreCacheKey, _ => []);
        for (var f = 0; f < fields.Count; f++)
        {
            SegmentOrdinals? ordinals;
            lock (cached)
            {
                if (!cached.TryGetValue(fields[f], out ordinals))
                {
                    ordinals = SegmentOrdinals.Read(reader, fields[f]);
                    cached[fields[f]] = ordinals;
                }
            }

            _ordinals[f] = ordinals;
            _counts[f] = ordinals is null ? null : new int[ordinals.Values.Length];
        }
    }

    public void Collect(int doc)
    {
        for (var f = 0; f < _ordinals.Length; f++)
        {
            if (_ordinals[f] is { } ordinals)
            {
                var counts = _counts[f]!;
                for (var i = ordinals.Start[doc]; i < ordinals.Start[doc + 1]; i++)
                {
                    counts[ordinals.Ords[i]]++;
                }
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
        for (var f = 0; f < fields.Count; f++)
        {
            if (_ordinals[f] is not { } ordinals || _counts[f] is not { } counts)
            {
                continue;
            }

            var totals = _totals[fields[f]];
            for (var ord = 0; ord < counts.Length; ord++)
            {
                if (counts[ord] > 0)
                {
                    totals[ordinals.Values[ord]] = totals.GetValueOrDefault(ordinals.Values[ord]) + counts[ord];
                }
            }

            _ordinals[f] = null;
            _counts[f] = null;
        }
    }

    /// <summary>One field of one segment: the values of document d are <c>Ords[Start[d]..Start[d+1]]</c>, naming <see cref="Values"/>.</summary>
    private sealed class SegmentOrdinals(int[] start, int[] ords, string[] values)
    {
        public int[] Start { get; } = start;
        public int[] Ords { get; } = ords;
        public string[] Values { get; } = values;

        public static SegmentOrdinals? Read(AtomicReader reader, string field)
        {
            var docValues = reader.GetSortedSetDocValues(field);
            if (docValues is null)
            {
                return null;
            }

            var start = new int[reader.MaxDoc + 1];
            var ords = new List<int>(reader.MaxDoc);
            for (var doc = 0; doc < reader.MaxDoc; doc++)
            {
                start[doc] = ords.Count;
                docValues.SetDocument(doc);
                long ord;
                while ((ord = docValues.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
                {
                    ords.Add((int)ord);
                }
            }

            start[reader.MaxDoc] = ords.Count;
            var values = new string[docValues.ValueCount];
            var bytes = new BytesRef();
            for (var ord = 0; ord < values.Length; ord++)
            {
                docValues.LookupOrd(ord, bytes);
                values[ord] = bytes.Utf8ToString();
            }

            return new SegmentOrdinals(start, [.. ords], values);
        }
    }
}
