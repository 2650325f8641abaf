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
    public static Analyzer Create() => new ValueGap(new SmartChineseAnalyzer(Version));

    /// <summary>
    /// Puts a gap of <see cref="Gap"/> positions between the values of a field indexed several times (the body, the
    /// proposal's title and the representatives' names all go into <see cref="IndexFields.Body"/>), so that a phrase
    /// never matches across two of them.
    /// </summary>
    private sealed class ValueGap(Analyzer analyzer) : AnalyzerWrapper(analyzer.Strategy)
    {
        public const int Gap = 100;

        public override int GetPositionIncrementGap(string fieldName) => Gap;

        protected override Analyzer GetWrappedAnalyzer(string fieldName) => analyzer;

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                analyzer.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
