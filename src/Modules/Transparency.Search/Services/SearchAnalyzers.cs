using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Util;

namespace Transparency.Search.Services;

/// <summary>
/// The one place that decides how text is cut into words, for indexing and for queries alike (ADR 0009). Swapping the
/// Chinese analyzer (e.g. for jieba.NET) means changing <see cref="Create"/> and rebuilding the index.
/// </summary>
public static class SearchAnalyzers
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>
    /// SmartChineseAnalyzer: segments Chinese with its HMM dictionary, and lower-cases and stems Latin words
    /// (Porter), so “LED” and “leds” match too.
    /// </summary>
    public static Analyzer Create() => new SmartChineseAnalyzer(Version);
}
