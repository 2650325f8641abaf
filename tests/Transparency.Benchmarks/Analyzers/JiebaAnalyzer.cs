using JiebaNet.Segmenter;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace Transparency.Benchmarks.Analyzers;

/// <summary>
/// jieba.NET as a Lucene.Net analyzer, for the comparison only (its own Lucene package, jiebanet.segmenter's
/// JiebaForLuceneNet, is not served here). Tokens come from <see cref="JiebaSegmenter.Tokenize"/> with the HMM for
/// unknown words; whitespace and punctuation are dropped; Latin letters are lower-cased. Every token advances the
/// position by one, as jieba's own Lucene integration does, so the same text gives the same token sequence in the index
/// and in a query. <see cref="TokenizerMode.Search"/> adds the shorter words inside long ones (管理 before 管理局).
/// </summary>
public sealed class JiebaAnalyzer(TokenizerMode mode) : Analyzer
{
    private static readonly Lock DictionaryLock = new();
    private static bool s_configured;

    /// <summary>
    /// Points jieba.NET at its dictionary and HMM model, which the project copies from the package's Resources folder to
    /// jieba/ beside the program (see the .csproj); nothing is downloaded.
    /// </summary>
    public static void Configure()
    {
        lock (DictionaryLock)
        {
            if (s_configured)
            {
                return;
            }

            var folder = Path.Combine(AppContext.BaseDirectory, "jieba");
            if (!File.Exists(Path.Combine(folder, "dict.txt")))
            {
                throw new InvalidOperationException($"jieba.NET's dictionary is missing: {folder}/dict.txt (copied from the package at build time).");
            }

            ConfigManager.ConfigFileBaseDir = folder;
            s_configured = true;
        }
    }

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        Configure();
        var tokenizer = new JiebaTokenizer(reader, mode);
        return new TokenStreamComponents(tokenizer, new LowerCaseFilter(LuceneVersion.LUCENE_48, tokenizer));
    }

    private sealed class JiebaTokenizer : Tokenizer
    {
        private readonly JiebaSegmenter _segmenter = new();
        private readonly TokenizerMode _mode;
        private readonly ICharTermAttribute _term;
        private readonly IOffsetAttribute _offset;
        private readonly IPositionIncrementAttribute _position;
        private IEnumerator<JiebaNet.Segmenter.Token>? _tokens;
        private int _length;

        public JiebaTokenizer(TextReader reader, TokenizerMode mode)
            : base(reader)
        {
            _mode = mode;
            _term = AddAttribute<ICharTermAttribute>();
            _offset = AddAttribute<IOffsetAttribute>();
            _position = AddAttribute<IPositionIncrementAttribute>();
        }

        public override void Reset()
        {
            base.Reset();
            var text = m_input.ReadToEnd();
            _length = text.Length;
            _tokens = _segmenter.Tokenize(text, _mode, true).GetEnumerator();
        }

        public override bool IncrementToken()
        {
            ClearAttributes();
            while (_tokens is not null && _tokens.MoveNext())
            {
                var token = _tokens.Current;
                if (!token.Word.Any(char.IsLetterOrDigit))
                {
                    continue; // whitespace and punctuation
                }

                _term.SetEmpty().Append(token.Word);
                _offset.SetOffset(CorrectOffset(token.StartIndex), CorrectOffset(token.EndIndex));
                _position.PositionIncrement = 1;
                return true;
            }

            return false;
        }

        public override void End()
        {
            base.End();
            var final = CorrectOffset(_length);
            _offset.SetOffset(final, final);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _tokens?.Dispose();
                _tokens = null;
            }

            base.Dispose(disposing);
        }
    }
}
