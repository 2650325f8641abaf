namespace Transparency.Benchmarks;

/// <summary>
/// Entry point: <c>dotnet run -c Release --project tests/Transparency.Benchmarks [-- MODE …]</c>. Without a mode, the
/// assignment-table import benchmark; <c>analyzers</c>: the Chinese analyzer comparison (ADR 0009).
/// </summary>
public static class BenchmarkMain
{
    public static Task<int> Main(string[] args) => args.Length > 0 && args[0] == "analyzers"
        ? Analyzers.AnalyzerComparison.RunAsync(args[1..])
        : ImportBenchmark.RunAsync(args);
}
