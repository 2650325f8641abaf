namespace Transparency.Benchmarks;

/// <summary>
/// Entry point: <c>dotnet run -c Release --project tests/Transparency.Benchmarks [-- MODE …]</c>. Without a mode, the
/// assignment-table import benchmark; <c>analyzers</c>: the Chinese analyzer comparison (ADR 0009); <c>search</c>: the
/// 100,000-reply search benchmark (issue 5; scripts/benchmark-search.sh).
/// </summary>
public static class BenchmarkMain
{
    public static Task<int> Main(string[] args) => args.Length > 0
        ? args[0] switch
        {
            "analyzers" => Analyzers.AnalyzerComparison.RunAsync(args[1..]),
            "search" => Search.SearchBenchmark.RunAsync(args[1..]),
            _ => ImportBenchmark.RunAsync(args),
        }
        : ImportBenchmark.RunAsync(args);
}
