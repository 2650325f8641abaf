using System.Net;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;

namespace Transparency.Search.Services;

/// <summary>Highlighted title and snippet of a hit: the text HTML-encoded, matches wrapped in &lt;mark&gt;.</summary>
public sealed class Snippets
{
    public const int SnippetLength = 120;

    private readonly Highlighter? _title;
    private readonly Highlighter? _body;
    private readonly Analyzer _analyzer;

    /// <param name="query">The text query (null: nothing to highlight).</param>
    /// <param name="analyzer">The index's analyzer.</param>
    public Snippets(Query? query, Analyzer analyzer)
    {
        _analyzer = analyzer;
        if (query is null)
        {
            return;
        }

        var formatter = new SimpleHTMLFormatter("<mark>", "</mark>");
        var encoder = new TextEncoder();
        _title = new Highlighter(formatter, encoder, new QueryScorer(query, IndexFields.Title)) { TextFragmenter = new NullFragmenter() };
        var bodyScorer = new QueryScorer(query, IndexFields.Body);
        _body = new Highlighter(formatter, encoder, bodyScorer)
        {
            // SimpleSpanFragmenter can run one fragment over the whole text when positions skip (punctuation): fixed size.
            TextFragmenter = new SimpleFragmenter(SnippetLength),
            MaxDocCharsToAnalyze = 100_000,
        };
    }

    public string Title(string title, IndexReader reader, int docId) => Best(_title, IndexFields.Title, title, reader, docId) ?? Encode(title);

    /// <summary>The best fragment of the body; its beginning when no word of the query is in it.</summary>
    public string Snippet(string body, IndexReader reader, int docId)
        => Best(_body, IndexFields.Body, body, reader, docId)
           ?? Encode(body.Length <= SnippetLength ? body : body[..SnippetLength] + "…");

    private string? Best(Highlighter? highlighter, string field, string text, IndexReader reader, int docId)
    {
        if (highlighter is null || text.Length == 0)
        {
            return null;
        }

        try
        {
            // Chinese words are often several tokens (占/道/经营): one mark around adjacent ones reads better.
            // From the stored term vectors when there are some (fast); else the text is analysed again.
            var tokens = TokenSources.GetAnyTokenStream(reader, docId, field, _analyzer);
            return highlighter.GetBestFragment(tokens, text) is { Length: > 0 } fragment
                ? fragment.Replace("</mark><mark>", "", StringComparison.Ordinal)
                : null;
        }
        catch (InvalidTokenOffsetsException)
        {
            return null;
        }
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    /// <summary>Encodes only what HTML needs (&amp; &lt; &gt; quotes): Lucene's own encoder would turn every Chinese character into an entity.</summary>
    private sealed class TextEncoder : IEncoder
    {
        public string EncodeText(string originalText) => WebUtility.HtmlEncode(originalText);
    }
}
