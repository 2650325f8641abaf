using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Transparency.Core.Units;
using Transparency.Data;
using Transparency.Proposals.Models;
using Transparency.Proposals.Services.Import;

namespace Transparency.Benchmarks;

/// <summary>
/// Imports a generated 10,000-row assignment table (.xlsx and .csv) through the real import service of a freshly set-up
/// site and prints rows, parse + validate time, write time, total, rows/s and peak working set.
/// <c>dotnet run -c Release --project tests/Transparency.Benchmarks [-- --rows N] [--postgres "Host=…;Username=…;Password=…"]</c>.
/// </summary>
public static class ImportBenchmark
{
    private const int WarmUpRows = 200;

    public static async Task<int> RunAsync(string[] args)
    {
        var rows = 10_000;
        var repeat = 3;
        string? postgres = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--rows" when i + 1 < args.Length:
                    rows = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--repeat" when i + 1 < args.Length:
                    repeat = Math.Max(1, int.Parse(args[++i], CultureInfo.InvariantCulture));
                    break;
                case "--postgres" when i + 1 < args.Length:
                    postgres = args[++i];
                    break;
                default:
                    Console.Error.WriteLine("usage: Transparency.Benchmarks [--rows N] [--repeat N] [--postgres \"<connection string to a server>\"]");
                    return 2;
            }
        }

        // WebApplicationFactory reads MvcTestingAppManifest.json (where the site's content root is) from the current folder.
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Import of the assignment table (交办任务分解表): {rows} rows; {Environment.ProcessorCount} CPUs, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}"));
        var results = new List<Measurement>();
        Files? files = null;
        foreach (var server in postgres is null ? [null] : new[] { null, postgres })
        {
            foreach (var format in new[] { ImportFormat.Xlsx, ImportFormat.Csv })
            {
                var runs = new List<Measurement>();
                for (var run = 0; run < repeat; run++)
                {
                    // a fresh database each time, so that every run creates the same representatives
                    await using var site = await BenchmarkSite.StartAsync(server);
                    files ??= await GenerateAsync(site, rows);
                    await MeasureAsync(site, format == ImportFormat.Xlsx ? files.WarmUpXlsx : files.WarmUpCsv, format, WarmUpRows); // JIT and first-use costs
                    var measurement = await MeasureAsync(site, format == ImportFormat.Xlsx ? files.Xlsx : files.Csv, format, rows) with { Database = site.Description };
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"  {measurement.Database} .{format.ToString().ToLowerInvariant()} run {run + 1}: parse + validate {measurement.Plan.TotalSeconds:0.00} s, write {measurement.Write.TotalSeconds:0.00} s, total {measurement.Total.TotalSeconds:0.00} s"));
                    runs.Add(measurement);
                }

                var ordered = runs.OrderBy(r => r.Total).ToList();
                results.Add(ordered[ordered.Count / 2] with { Best = ordered[0].Total });
            }
        }

        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Median of {repeat} run(s), each on a fresh database after a {WarmUpRows}-row warm-up; load average {LoadAverage()}."));
        Console.WriteLine();
        Console.WriteLine("| database | file | rows | proposals + assignments + new representatives | parse + validate | write (1 transaction) | total (best) | rows/s | peak working set during import | process peak working set |");
        Console.WriteLine("|---|---|---:|---|---:|---:|---:|---:|---:|---:|");
        foreach (var m in results)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {m.Database} | .{m.Format.ToString().ToLowerInvariant()} ({AssignmentTableGenerator.Size(m.FileBytes)}) | {m.Rows} | {m.Proposals} + {m.Assignments} + {m.NewRepresentatives} | {m.Plan.TotalSeconds:0.00} s | {m.Write.TotalSeconds:0.00} s | {m.Total.TotalSeconds:0.00} s ({m.Best.TotalSeconds:0.00} s) | {m.Rows / m.Total.TotalSeconds:0} | {m.PeakWorkingSet / 1048576.0:0} MB | {m.ProcessPeak / 1048576.0:0} MB |"));
        }

        return 0;
    }

    private static async Task<Files> GenerateAsync(BenchmarkSite site, int rows)
    {
        using var scope = site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TransparencyDbContext>();
        var categories = await db.Set<Category>().OrderBy(c => c.SortOrder).Select(c => c.Name).ToListAsync();
        var representatives = await db.Set<Representative>().Select(r => r.Name).ToListAsync();
        var units = await scope.ServiceProvider.GetRequiredService<IUnitDirectory>().ListAsync();
        if (categories.Count == 0 || units.Count == 0)
        {
            throw new InvalidOperationException("The demo recipe gave no categories or units to build the table from.");
        }

        var generator = new AssignmentTableGenerator(
            categories,
            units.Select(u => new GeneratorUnit(u.ShortName, u.Name, u.IsInternal && u.ParentId is not null)).ToList(),
            representatives);
        var table = generator.Generate(rows, seed: 2020);
        var warmUp = generator.Generate(WarmUpRows, seed: 7, namePrefix: "预热", firstNumber: 90_000);
        var files = new Files(
            AssignmentTableGenerator.ToXlsx(table), AssignmentTableGenerator.ToCsv(table),
            AssignmentTableGenerator.ToXlsx(warmUp), AssignmentTableGenerator.ToCsv(warmUp));
        var folder = Path.Combine(Path.GetTempPath(), "transparency-bench");
        Directory.CreateDirectory(folder);
        await File.WriteAllBytesAsync(Path.Combine(folder, $"assignment-table-{rows}.xlsx"), files.Xlsx);
        await File.WriteAllBytesAsync(Path.Combine(folder, $"assignment-table-{rows}.csv"), files.Csv);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Generated {folder}/assignment-table-{rows}.xlsx ({AssignmentTableGenerator.Size(files.Xlsx.Length)}) and .csv ({AssignmentTableGenerator.Size(files.Csv.Length)}) from {categories.Count} categories, {units.Count} units, {representatives.Count} known representatives."));
        Console.WriteLine("Sample: " + string.Join(" | ", table[1].Select(v => Convert.ToString(v, CultureInfo.InvariantCulture))));
        return files;
    }

    private static async Task<Measurement> MeasureAsync(BenchmarkSite site, byte[] content, ImportFormat format, int rows)
    {
        int sessionId;
        using (var setup = site.Services.CreateScope())
        {
            var db = setup.ServiceProvider.GetRequiredService<TransparencyDbContext>();
            var session = new Session { Name = $"基准测试届次-{Guid.NewGuid():N}", Year = 2020, Kind = SessionKind.Npc, ReplyMonths = 3, CoOpinionMonths = 1 };
            db.Add(session);
            await db.SaveChangesAsync();
            sessionId = session.Id;
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var scope = site.Services.CreateScope();
        var importer = scope.ServiceProvider.GetRequiredService<AssignmentTableImporter>();
        using var sampler = new PeakSampler();
        var watch = Stopwatch.StartNew();
        var plan = await importer.PlanAsync(content, format, sessionId, ProposalKind.Suggestion);
        var planTime = watch.Elapsed;
        if (!plan.IsValid)
        {
            throw new InvalidOperationException("The generated table did not validate: " + string.Join("; ", plan.Errors.Take(5)));
        }

        watch.Restart();
        var result = await importer.WriteAsync(plan);
        var writeTime = watch.Elapsed;
        var peak = sampler.Stop();

        using var check = site.Services.CreateScope();
        var written = await check.ServiceProvider.GetRequiredService<TransparencyDbContext>().Set<Proposal>().CountAsync(p => p.SessionId == sessionId);
        if (written != rows || result.Proposals != rows)
        {
            throw new InvalidOperationException($"Expected {rows} proposals, found {written}.");
        }

        using var process = Process.GetCurrentProcess();
        return new Measurement("", format, content.Length, rows, result.Proposals, result.Assignments, result.NewRepresentatives,
            planTime, writeTime, peak, process.PeakWorkingSet64);
    }

    private sealed record Files(byte[] Xlsx, byte[] Csv, byte[] WarmUpXlsx, byte[] WarmUpCsv);

    private sealed record Measurement(
        string Database, ImportFormat Format, long FileBytes, int Rows, int Proposals, int Assignments, int NewRepresentatives,
        TimeSpan Plan, TimeSpan Write, long PeakWorkingSet, long ProcessPeak)
    {
        public TimeSpan Total => Plan + Write;

        public TimeSpan Best { get; init; }
    }

    /// <summary>The machine's load while measuring (Linux), to read the figures by.</summary>
    private static string LoadAverage()
        => File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    /// <summary>Samples the working set every 10 ms while an import runs.</summary>
    private sealed class PeakSampler : IDisposable
    {
        private readonly Timer _timer;
        private long _peak = Environment.WorkingSet;

        public PeakSampler() => _timer = new Timer(_ => Sample(), null, 0, 10);

        public long Stop()
        {
            _timer.Change(Timeout.Infinite, Timeout.Infinite);
            Sample();
            return Interlocked.Read(ref _peak);
        }

        public void Dispose() => _timer.Dispose();

        private void Sample()
        {
            var now = Environment.WorkingSet;
            long seen;
            while (now > (seen = Interlocked.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, now, seen) != seen)
            {
            }
        }
    }
}
