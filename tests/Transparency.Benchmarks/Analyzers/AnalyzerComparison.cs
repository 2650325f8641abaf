using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;
using JiebaNet.Segmenter;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace Transparency.Benchmarks.Analyzers;

/// <summary>
/// Compares Chinese analyzers for Lucene.Net 4.8 on the product's kind of text (ADR 0009):
/// segmentation against a hand-made gold standard (<see cref="GoldStandard"/>), the share of citizens' search terms a
/// phrase query would find, false hits, throughput over a generated corpus, start-up time and memory (each in a fresh
/// process). <c>dotnet run -c Release --project tests/Transparency.Benchmarks -- analyzers [--corpus-mb N] [--speed-runs N]</c>.
/// </summary>
public static partial class AnalyzerComparison
{
    private static readonly Candidate[] Candidates =
    [
        new("smartcn", "SmartCn (SmartChineseAnalyzer)", () => new SmartChineseAnalyzer(LuceneVersion.LUCENE_48)),
        new("jieba", "jieba.NET, precise mode", () => new JiebaAnalyzer(TokenizerMode.Default)),
        new("jieba-search", "jieba.NET, search mode", () => new JiebaAnalyzer(TokenizerMode.Search)),
        new("cjk", "baseline: CJKAnalyzer (bigrams)", () => new CJKAnalyzer(LuceneVersion.LUCENE_48)),
        new("standard", "baseline: StandardAnalyzer (one token per Han character)", () => new StandardAnalyzer(LuceneVersion.LUCENE_48)),
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        var corpusMegabytes = 20;
        var startupRuns = 3;
        var speedRuns = 5;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--startup" when i + 1 < args.Length:
                    return MeasureStartupHere(args[++i]);
                case "--corpus-mb" when i + 1 < args.Length:
                    corpusMegabytes = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--speed-runs" when i + 1 < args.Length:
                    speedRuns = Math.Max(1, int.Parse(args[++i], CultureInfo.InvariantCulture));
                    break;
                case "--startup-runs" when i + 1 < args.Length:
                    startupRuns = Math.Max(1, int.Parse(args[++i], CultureInfo.InvariantCulture));
                    break;
                default:
                    Console.Error.WriteLine("usage: Transparency.Benchmarks analyzers [--corpus-mb N] [--speed-runs N] [--startup-runs N]");
                    return 2;
            }
        }

        var gold = GoldStandard.Sentences;
        CheckGold(gold);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Chinese analyzers for Lucene.Net 4.8: {gold.Count} gold sentences, {gold.Sum(s => s.Terms.Length)} search terms, {gold.Sum(s => s.FalseTerms?.Length ?? 0)} false-hit probes; {Environment.ProcessorCount} CPUs, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}"));

        var corpus = Corpus(gold, corpusMegabytes * 1024L * 1024L, seed: 2020);
        var corpusBytes = corpus.Sum(d => (long)Encoding.UTF8.GetByteCount(d));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Corpus: {corpus.Count} documents, {corpusBytes / 1048576.0:0.0} MB UTF-8, {corpus.Sum(d => (long)d.Length) / 1e6:0.00} M characters."));

        var folder = Path.Combine(Path.GetTempPath(), "transparency-bench");
        Directory.CreateDirectory(folder);
        var dump = new StringBuilder();
        var results = new List<Result>();
        var analyzers = Candidates.Select(c => c.Create()).ToList();
        try
        {
            var qualities = Candidates.Select((c, i) => MeasureQuality(analyzers[i], gold, c, dump)).ToList();

            // throughput: rounds interleaved across the analyzers, so that a burst of load on the shared machine does not
            // fall on one analyzer only; the table shows the median and the best round
            var speeds = Candidates.Select(_ => new List<Speed>()).ToList();
            for (var round = 0; round < speedRuns; round++)
            {
                for (var i = 0; i < Candidates.Length; i++)
                {
                    speeds[i].Add(MeasureSpeed(analyzers[i], corpus));
                }
            }

            for (var i = 0; i < Candidates.Length; i++)
            {
                var candidate = Candidates[i];
                var quality = qualities[i];
                var ordered = speeds[i].OrderBy(s => s.MegabytesPerSecond).ToList();
                var speed = ordered[ordered.Count / 2];
                var best = ordered[^1];
                var startup = MeasureStartup(candidate.Key, startupRuns);
                results.Add(new Result(candidate, quality, speed, best, speeds[i].Select(s => s.MegabytesPerCpuSecond).Order().ElementAt(speeds[i].Count / 2), startup));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {candidate.Name}: word F1 {quality.Word.F1:0.000}, boundary F1 {quality.Boundary.F1:0.000}, terms {quality.TermsMatched}/{quality.Terms}, false hits {quality.FalseHits}/{quality.FalseProbes}, MB/s per round {string.Join(" ", speeds[i].Select(s => s.MegabytesPerSecond.ToString("0.00", CultureInfo.InvariantCulture)))}, MB per CPU-s {string.Join(" ", speeds[i].Select(s => s.MegabytesPerCpuSecond.ToString("0.00", CultureInfo.InvariantCulture)))}, start-up {startup.Milliseconds:0} ms"));
            }
        }
        finally
        {
            analyzers.ForEach(a => a.Dispose());
        }

        var dumpFile = Path.Combine(folder, "analyzers-segmentation.txt");
        await File.WriteAllTextAsync(dumpFile, dump.ToString());

        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Segmentation of every gold sentence by every analyzer, and each missed term: {dumpFile}. Load average {LoadAverage()}."));
        Console.WriteLine();
        Console.WriteLine("| analyzer | word P / R / F1 | boundary P / R / F1 | citizen terms found (phrase) | false hits | found, query also tried as one token (false hits) | tokens/s (median) | MB/s, median (best) | MB per CPU-second, median | allocated per MB of text | start-up (first token) | managed heap held | working set growth |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Candidate.Name} | {r.Quality.Word.Precision:0.000} / {r.Quality.Word.Recall:0.000} / {r.Quality.Word.F1:0.000} | {r.Quality.Boundary.Precision:0.000} / {r.Quality.Boundary.Recall:0.000} / {r.Quality.Boundary.F1:0.000} | {r.Quality.TermsMatched}/{r.Quality.Terms} ({100.0 * r.Quality.TermsMatched / r.Quality.Terms:0.0} %) | {r.Quality.FalseHits}/{r.Quality.FalseProbes} | {r.Quality.TermsMatchedWhole}/{r.Quality.Terms} ({r.Quality.FalseHitsWhole}/{r.Quality.FalseProbes}) | {r.Speed.TokensPerSecond / 1e6:0.00} M | {r.Speed.MegabytesPerSecond:0.00} ({r.Best.MegabytesPerSecond:0.00}) | {r.CpuMedian:0.00} | {r.Speed.AllocatedPerMegabyte / 1048576.0:0} MB | {r.Startup.Milliseconds:0} ms | {r.Startup.ManagedBytes / 1048576.0:0.0} MB | {r.Startup.WorkingSetBytes / 1048576.0:0} MB |"));
        }

        Console.WriteLine();
        Console.WriteLine("Missed terms:");
        foreach (var r in results)
        {
            Console.WriteLine($"  {r.Candidate.Name}: {(r.Quality.Missed.Count == 0 ? "none" : string.Join(", ", r.Quality.Missed))}");
        }

        return 0;
    }

    private static void CheckGold(IReadOnlyList<GoldSentence> gold)
    {
        foreach (var sentence in gold)
        {
            foreach (var term in sentence.Terms.Concat(sentence.FalseTerms ?? []))
            {
                if (!sentence.Text.Contains(term, StringComparison.Ordinal))
                {
                    throw new InvalidOperationException($"Gold standard: “{term}” does not occur in “{sentence.Text}”.");
                }
            }
        }
    }

    private static Quality MeasureQuality(Analyzer analyzer, IReadOnlyList<GoldSentence> gold, Candidate candidate, StringBuilder dump)
    {
        dump.AppendLine(CultureInfo.InvariantCulture, $"== {candidate.Name}");
        var word = new Counts();
        var boundary = new Counts();
        int terms = 0, matched = 0, matchedWhole = 0, probes = 0, falseHits = 0, falseHitsWhole = 0;
        var missed = new List<string>();
        foreach (var sentence in gold)
        {
            var text = sentence.Text;
            var tokens = Analyze(analyzer, text);

            // words: a token is right when its span is exactly a gold word's (SIGHAN scoring); punctuation is not scored
            var goldSpans = new HashSet<(int, int)>();
            var goldStarts = new HashSet<int>();
            var offset = 0;
            foreach (var w in sentence.Words)
            {
                if (w.Any(char.IsLetterOrDigit))
                {
                    goldSpans.Add((offset, offset + w.Length));
                }

                goldStarts.Add(offset);
                offset += w.Length;
            }

            var spans = tokens.Select(t => (t.Start, t.End)).ToHashSet();
            word.Add(spans.Count, goldSpans.Count, spans.Count(goldSpans.Contains));

            // boundaries: the cuts between two letters or digits (cuts next to punctuation are trivial)
            bool Inner(int b) => b > 0 && b < text.Length && char.IsLetterOrDigit(text[b - 1]) && char.IsLetterOrDigit(text[b]);
            var goldCuts = goldStarts.Where(Inner).ToHashSet();
            var cuts = spans.SelectMany(s => new[] { s.Start, s.End }).Where(Inner).ToHashSet();
            boundary.Add(cuts.Count, goldCuts.Count, cuts.Count(goldCuts.Contains));

            dump.AppendLine("  gold: " + sentence.Segmented);
            dump.AppendLine("  got:  " + string.Join(" ", tokens.Select(t => t.Term)));
            foreach (var term in sentence.Terms)
            {
                terms++;
                var found = PhraseMatches(Analyze(analyzer, term), tokens);
                matched += found ? 1 : 0;
                matchedWhole += found || WholeTokenMatches(term, tokens) ? 1 : 0;
                if (!found)
                {
                    missed.Add(term);
                    dump.AppendLine("  MISSED " + term + " → " + string.Join(" ", Analyze(analyzer, term).Select(t => t.Term)));
                }
            }

            foreach (var term in sentence.FalseTerms ?? [])
            {
                probes++;
                if (PhraseMatches(Analyze(analyzer, term), tokens))
                {
                    falseHits++;
                    dump.AppendLine("  FALSE HIT " + term);
                }

                falseHitsWhole += PhraseMatches(Analyze(analyzer, term), tokens) || WholeTokenMatches(term, tokens) ? 1 : 0;
            }
        }

        return new Quality(word.Score(), boundary.Score(), terms, matched, matchedWhole, probes, falseHits, falseHitsWhole, missed);
    }

    /// <summary>
    /// A query-side remedy for a segmenter that cuts a short query differently from the same word in a sentence (路灯
    /// alone → 路 灯, in a sentence → 路灯): the query is also tried as one whole token (lower-cased), OR-ed with the phrase.
    /// </summary>
    private static bool WholeTokenMatches(string term, List<AnalyzedToken> document)
    {
        var whole = term.ToLowerInvariant();
        return document.Any(t => t.Term == whole);
    }

    /// <summary>Whether an exact phrase query (slop 0) of the query's tokens finds the document's tokens.</summary>
    private static bool PhraseMatches(List<AnalyzedToken> query, List<AnalyzedToken> document)
    {
        if (query.Count == 0)
        {
            return false;
        }

        var positions = document.GroupBy(t => t.Term, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(t => t.Position).ToHashSet(), StringComparer.Ordinal);
        if (!positions.TryGetValue(query[0].Term, out var firsts))
        {
            return false;
        }

        return firsts.Any(p => query.All(q => positions.TryGetValue(q.Term, out var at) && at.Contains(p + q.Position - query[0].Position)));
    }

    private static List<AnalyzedToken> Analyze(Analyzer analyzer, string text)
    {
        var tokens = new List<AnalyzedToken>();
        using var stream = analyzer.GetTokenStream("body", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            tokens.Add(new AnalyzedToken(term.ToString(), offset.StartOffset, offset.EndOffset, position));
        }

        stream.End();
        return tokens;
    }

    private static Speed MeasureSpeed(Analyzer analyzer, List<string> corpus)
    {
        // warm-up: JIT and the analyzer's lazy loading, over the first ~5 % of the corpus
        Consume(analyzer, corpus.Take(Math.Max(1, corpus.Count / 20)));
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var tokens = Consume(analyzer, corpus);
        var elapsed = watch.Elapsed;
        process.Refresh();
        cpu = process.TotalProcessorTime - cpu; // the whole process (this thread and the GC's): less disturbed by other load than wall time
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        var megabytes = corpus.Sum(d => (long)Encoding.UTF8.GetByteCount(d)) / 1048576.0;
        return new Speed(tokens / elapsed.TotalSeconds, megabytes / elapsed.TotalSeconds, megabytes / cpu.TotalSeconds, allocated / megabytes);
    }

    private static long Consume(Analyzer analyzer, IEnumerable<string> documents)
    {
        long count = 0;
        foreach (var document in documents)
        {
            using var stream = analyzer.GetTokenStream("body", document);
            var term = stream.AddAttribute<ICharTermAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                count += term.Length > 0 ? 1 : 0;
            }

            stream.End();
        }

        return count;
    }

    /// <summary>
    /// Documents of 6–20 gold sentences each in random order, with their numbers varied, up to the size given:
    /// the same vocabulary and sentence shapes as the gold standard, in reply-sized pieces.
    /// </summary>
    private static List<string> Corpus(IReadOnlyList<GoldSentence> gold, long bytes, int seed)
    {
        var random = new Random(seed);
        var documents = new List<string>();
        long total = 0;
        var builder = new StringBuilder();
        while (total < bytes)
        {
            builder.Clear();
            var count = random.Next(6, 21);
            for (var i = 0; i < count; i++)
            {
                var sentence = gold[random.Next(gold.Count)].Text;
                builder.Append(Digits().Replace(sentence, m => random.Next(1, (int)Math.Pow(10, Math.Min(m.Length, 5))).ToString(CultureInfo.InvariantCulture)));
            }

            var document = builder.ToString();
            documents.Add(document);
            total += Encoding.UTF8.GetByteCount(document);
        }

        return documents;
    }

    private static Startup MeasureStartup(string key, int runs)
    {
        var measurements = new List<Startup>();
        for (var run = 0; run < runs; run++)
        {
            var self = Environment.ProcessPath ?? throw new InvalidOperationException("No process path.");
            var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, UseShellExecute = false };
            if (Path.GetFileNameWithoutExtension(self) == "dotnet")
            {
                start.ArgumentList.Add(typeof(AnalyzerComparison).Assembly.Location);
            }

            foreach (var argument in new[] { "analyzers", "--startup", key })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start " + self);
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            var line = output.Split('\n').Last(l => l.StartsWith("startup ", StringComparison.Ordinal)).Split(' ');
            measurements.Add(new Startup(
                double.Parse(line[1], CultureInfo.InvariantCulture),
                long.Parse(line[2], CultureInfo.InvariantCulture),
                long.Parse(line[3], CultureInfo.InvariantCulture)));
        }

        return measurements.OrderBy(m => m.Milliseconds).ElementAt(measurements.Count / 2);
    }

    /// <summary>In a fresh process: time and memory from creating the analyzer to its first token of a first sentence.</summary>
    private static int MeasureStartupHere(string key)
    {
        var candidate = Candidates.Single(c => c.Key == key);
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var workingSet = Environment.WorkingSet;
        var watch = Stopwatch.StartNew();
        var analyzer = candidate.Create();
        var tokens = Analyze(analyzer, GoldStandard.Sentences[0].Text);
        var elapsed = watch.Elapsed;
        var held = GC.GetTotalMemory(forceFullCollection: true) - before;
        var grown = Environment.WorkingSet - workingSet;
        GC.KeepAlive(analyzer);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"startup {elapsed.TotalMilliseconds:0.0} {held} {grown} {tokens.Count}"));
        analyzer.Dispose();
        return 0;
    }

    private static string LoadAverage()
        => File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    [GeneratedRegex("[0-9]+")]
    private static partial Regex Digits();

    private sealed record Candidate(string Key, string Name, Func<Analyzer> Create);

    private sealed record AnalyzedToken(string Term, int Start, int End, int Position);

    private sealed record Score(double Precision, double Recall, double F1);

    private sealed record Quality(Score Word, Score Boundary, int Terms, int TermsMatched, int TermsMatchedWhole, int FalseProbes, int FalseHits, int FalseHitsWhole, List<string> Missed);

    private sealed record Speed(double TokensPerSecond, double MegabytesPerSecond, double MegabytesPerCpuSecond, double AllocatedPerMegabyte);

    private sealed record Startup(double Milliseconds, long ManagedBytes, long WorkingSetBytes);

    private sealed record Result(Candidate Candidate, Quality Quality, Speed Speed, Speed Best, double CpuMedian, Startup Startup);

    private sealed class Counts
    {
        private long _predicted;
        private long _gold;
        private long _correct;

        public void Add(int predicted, int gold, int correct)
        {
            _predicted += predicted;
            _gold += gold;
            _correct += correct;
        }

        public Score Score()
        {
            var precision = _predicted == 0 ? 0 : (double)_correct / _predicted;
            var recall = _gold == 0 ? 0 : (double)_correct / _gold;
            return new Score(precision, recall, precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall));
        }
    }
}
