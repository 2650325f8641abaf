using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Transparency.Core.Content;
using Transparency.Core.Publishing;
using Transparency.Core.Search;
using Transparency.Data;
using Transparency.Proposals.Models;
using Transparency.Proposals.Services.Import;
using Transparency.Replies.Models;
using Transparency.Replies.Services;
using Transparency.Search.Services;

namespace Transparency.Benchmarks.Search;

/// <summary>
/// Issue 5, point 7: 100,000 published replies in a SQLite database of the real site, the index rebuilt through the
/// search module's own rebuild path, search latency at the service layer (<see cref="ISearchService"/>), HTTP
/// requests/s of the search page and of a cached reply page under wrk with 16 connections, and peak memory.
/// <c>dotnet run -c Release --project tests/Transparency.Benchmarks -- search [--replies N] [--queries N] [--seconds N] [--connections N] [--folder DIR] [--fresh]</c>.
/// </summary>
public static class SearchBenchmark
{
    private static readonly (int Year, string Name, SessionKind Kind)[] SessionPlan =
    [
        (2020, "市十六届人大三次会议", SessionKind.Npc), (2020, "市政协十三届四次会议", SessionKind.Cppcc),
        (2021, "市十六届人大四次会议", SessionKind.Npc), (2021, "市政协十三届五次会议", SessionKind.Cppcc),
        (2022, "市十七届人大一次会议", SessionKind.Npc), (2022, "市政协十四届一次会议", SessionKind.Cppcc),
        (2023, "市十七届人大二次会议", SessionKind.Npc), (2023, "市政协十四届二次会议", SessionKind.Cppcc),
        (2024, "市十七届人大三次会议", SessionKind.Npc), (2024, "市政协十四届三次会议", SessionKind.Cppcc),
        (2025, "市十七届人大四次会议", SessionKind.Npc), (2025, "市政协十四届四次会议", SessionKind.Cppcc),
    ];

    private static readonly string[] CoUnits = ["市住建局", "市自然资源规划局", "市生态环境局", "市交通运输局", "市交警支队", "市市场监管局"];

    public static async Task<int> RunAsync(string[] args)
    {
        var replies = 100_000;
        var queries = 2_000;
        var seconds = 20;
        var connections = 16;
        var fresh = false;
        var httpOnly = false;
        var skipRebuild = false;
        var serve = 0;
        string? folder = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--replies" when i + 1 < args.Length:
                    replies = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--queries" when i + 1 < args.Length:
                    queries = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--seconds" when i + 1 < args.Length:
                    seconds = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--connections" when i + 1 < args.Length:
                    connections = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--folder" when i + 1 < args.Length:
                    folder = args[++i];
                    break;
                case "--fresh":
                    fresh = true;
                    break;
                case "--http-only":
                    httpOnly = true; // reuse the database and index of an earlier run; measure HTTP only
                    break;
                case "--skip-rebuild":
                    skipRebuild = true; // reuse the index of an earlier run: latency and HTTP only
                    break;
                case "--serve" when i + 1 < args.Length:
                    serve = int.Parse(args[++i], CultureInfo.InvariantCulture); // keep the site up this many seconds at the end, to probe it by hand
                    break;
                default:
                    Console.Error.WriteLine("usage: Transparency.Benchmarks search [--replies N] [--queries N] [--seconds N] [--connections N] [--folder DIR] [--fresh] [--skip-rebuild] [--http-only] [--serve SECONDS]");
                    return 2;
            }
        }

        Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        folder ??= Path.Combine(Path.GetTempPath(), "transparency-bench", $"search-{replies}");
        if (fresh && Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
        var databaseFile = Path.Combine(folder, "site.db");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Search benchmark (issue 5): {replies} replies; {Environment.ProcessorCount} CPUs, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}; database and index in {folder}"));

        var report = new List<string>();
        var settings = new Dictionary<string, string?>
        {
            ["Search:IndexPath"] = Path.Combine(folder, "search"),
            ["Logging:LogLevel:Transparency.Search"] = "Information",
        };
        var watch = Stopwatch.StartNew();
        await using var site = BenchmarkSite.StartSqlite(databaseFile, settings, kestrel: true);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Site started on {site.Address} in {watch.Elapsed.TotalSeconds:0.0} s (migrations and recipes on a new database)."));

        // 1. the replies, through the real import and the Replies module's tables
        var existing = await CountPublishedAsync(site, seededOnly: true);
        if (existing < replies)
        {
            if (existing > 0)
            {
                throw new InvalidOperationException($"{databaseFile} holds {existing} published replies, fewer than {replies}: run with --fresh.");
            }

            watch.Restart();
            var (characters, bytes) = await SeedAsync(site, replies);
            report.Add(string.Create(CultureInfo.InvariantCulture,
                $"| seed (import + replies) | {replies} replies, {characters / (double)replies:0} characters of public text on average ({bytes / 1048576.0:0} MB UTF-8 HTML) | {watch.Elapsed.TotalSeconds:0.0} s |"));
        }
        else
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Reusing {existing} published replies in {databaseFile} (--fresh to generate them again)."));
        }

        var published = await CountPublishedAsync(site, seededOnly: false);
        Console.WriteLine($"Published replies in the database: {published}. Process peak working set so far: {Peak()}.");

        if (httpOnly)
        {
            await site.Services.GetRequiredService<IndexStatus>().CatchUpAsync(TimeSpan.FromMinutes(30));
            report.AddRange(await HttpAsync(site, folder, seconds, connections));
            await ServeAsync(site, serve);
            PrintReport(report);
            return 0;
        }

        if (skipRebuild)
        {
            await site.Services.GetRequiredService<IndexStatus>().CatchUpAsync(TimeSpan.FromMinutes(30));
        }
        else
        {
            // 2. the rebuild, through the module's own path: IndexMaintenance.RequestRebuild → the indexing worker
            var rebuild = await RebuildAsync(site);
            report.Add(string.Create(CultureInfo.InvariantCulture,
                $"| index rebuild (worker, `IndexMaintenance.RebuildAsync`) | {rebuild.Documents} documents, {rebuild.Documents / rebuild.Elapsed.TotalSeconds:0} documents/s, CPU {rebuild.Cpu.TotalSeconds:0} s = {rebuild.Cpu / rebuild.Elapsed:0.00} cores busy, index {rebuild.IndexBytes / 1048576.0:0} MB | **{rebuild.Elapsed.TotalSeconds:0.0} s** |"));

            // where the rebuild's time goes: reading the documents, and analyzing their text
            var breakdown = await BreakdownAsync(site);
            report.Add(string.Create(CultureInfo.InvariantCulture,
                $"| rebuild's parts measured apart (one thread, streaming): loading the published replies, `PublishedContent.AllRepliesAsync` (database, proposals, units) | {breakdown.Documents} documents, {breakdown.Documents / breakdown.Load.TotalSeconds:0} documents/s | {breakdown.Load.TotalSeconds:0.0} s |"));
            report.Add(string.Create(CultureInfo.InvariantCulture,
                $"| … HTML to plain text, `ReplySearchSource.ToDocument` → `IHtmlSanitizer.ToPlainText` | {breakdown.Documents / breakdown.PlainText.TotalSeconds:0} documents/s | {breakdown.PlainText.TotalSeconds:0.0} s |"));
            report.Add(string.Create(CultureInfo.InvariantCulture,
                $"| … analyzing title, body, proposal title, names and number with the index's analyzer (SmartCn) | {breakdown.Megabytes:0} MB UTF-8, {breakdown.Megabytes / breakdown.Analyze.TotalSeconds:0.00} MB/s | {breakdown.Analyze.TotalSeconds:0.0} s |"));
        }

        // 3. search latency at the service layer
        var latency = await SearchLatencyAsync(site, queries);
        foreach (var line in latency)
        {
            report.Add(line);
        }

        // 4. HTTP under load
        var http = await HttpAsync(site, folder, seconds, connections);
        report.AddRange(http);

        await ServeAsync(site, serve);
        PrintReport(report);
        return 0;
    }

    private static async Task ServeAsync(BenchmarkSite site, int seconds)
    {
        if (seconds > 0)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Serving {site.Address} for {seconds} s."));
            await Task.Delay(TimeSpan.FromSeconds(seconds));
        }
    }

    private static void PrintReport(List<string> report)
    {
        using var process = Process.GetCurrentProcess();
        report.Add(string.Create(CultureInfo.InvariantCulture, $"| peak working set of the process (site, seeding, rebuild, searches, load) | `Process.PeakWorkingSet64` | {process.PeakWorkingSet64 / 1048576.0:0} MB |"));

        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Load average at the end: {LoadAverage()}."));
        Console.WriteLine();
        Console.WriteLine("| what | details | figure |");
        Console.WriteLine("|---|---|---:|");
        foreach (var line in report)
        {
            Console.WriteLine(line);
        }
    }

    /// <summary>Published replies: all (the demo's too), or only those this benchmark generated (sent by “benchmark”).</summary>
    private static async Task<int> CountPublishedAsync(BenchmarkSite site, bool seededOnly)
    {
        using var scope = site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TransparencyDbContext>();
        return await db.Set<Reply>().CountAsync(r => r.Document.PublishedVersion != null && (!seededOnly || r.SentBy == SeededBy));
    }

    private const string SeededBy = "benchmark";

    /// <summary>
    /// Sessions 2020–2025 (deputies' and CPPCC), proposals and assignments through the real import
    /// (<see cref="AssignmentTableImporter"/>, the same code as the admin's import), then one published reply per
    /// proposal from its lead unit in the Replies module's tables (document, version, reply), saved through the
    /// DbContext in batches.
    /// </summary>
    private static async Task<(long Characters, long Bytes)> SeedAsync(BenchmarkSite site, int count)
    {
        var corpus = new ReplyCorpus(seed: 2020);
        var random = new Random(2021);
        long characters = 0, bytes = 0;
        var perSession = (count + SessionPlan.Length - 1) / SessionPlan.Length;
        var remaining = count;
        var watch = Stopwatch.StartNew();
        foreach (var plan in SessionPlan)
        {
            var rows = Math.Min(perSession, remaining);
            remaining -= rows;
            if (rows <= 0)
            {
                break;
            }

            int sessionId;
            using (var scope = site.Services.CreateScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<TransparencyDbContext>();
                var session = await db.Set<Session>().FirstOrDefaultAsync(s => s.Name == plan.Name);
                if (session is null)
                {
                    session = new Session { Name = plan.Name, Year = plan.Year, Kind = plan.Kind, ReplyMonths = 3, CoOpinionMonths = 1 };
                    db.Add(session);
                    await db.SaveChangesAsync();
                }

                sessionId = session.Id;
            }

            // the assignment table of the session, imported as the coordinator would
            var generated = new Dictionary<string, GeneratedReply>(StringComparer.Ordinal);
            var table = new List<object?[]> { AssignmentTableGenerator.Header };
            var width = Math.Max(4, (1000 + rows).ToString(CultureInfo.InvariantCulture).Length);
            var start = new DateTime(plan.Year, 3, 1, 0, 0, 0, DateTimeKind.Unspecified);
            for (var i = 1; i <= rows; i++)
            {
                var reply = corpus.Next(plan.Name, plan.Year, plan.Kind == SessionKind.Cppcc);
                var number = (1000 + i).ToString(new string('0', width), CultureInfo.InvariantCulture);
                generated[number] = reply;
                var co = Enumerable.Range(0, random.Next(3)).Select(_ => CoUnits[random.Next(CoUnits.Length)]).Distinct();
                table.Add(
                [
                    number, reply.Title, reply.Representatives[0], string.Join("、", reply.Representatives.Skip(1)), reply.Category,
                    reply.LeadUnit, string.Join("、", co), start.AddDays(random.Next(40)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), reply.Body,
                ]);
            }

            using (var scope = site.Services.CreateScope())
            {
                var importer = scope.ServiceProvider.GetRequiredService<AssignmentTableImporter>();
                var kind = plan.Kind == SessionKind.Cppcc ? ProposalKind.CppccProposal : ProposalKind.Suggestion;
                var importPlan = await importer.PlanAsync(AssignmentTableGenerator.ToCsv(table), ImportFormat.Csv, sessionId, kind);
                if (!importPlan.IsValid)
                {
                    throw new InvalidOperationException("The generated table did not validate: " + string.Join("; ", importPlan.Errors.Take(5)));
                }

                await importer.WriteAsync(importPlan);
            }

            // the replies: published documents in the Replies module's tables
            List<(int ProposalId, string Number, int AssignmentId, int UnitId, DateOnly AssignedOn, DateOnly DueOn)> leads;
            using (var scope = site.Services.CreateScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<TransparencyDbContext>();
                leads = (await db.Set<Assignment>().AsNoTracking()
                        .Where(a => a.Proposal.SessionId == sessionId && a.Role == HandlingRole.Lead)
                        .Select(a => new { a.ProposalId, a.Proposal.Number, AssignmentId = a.Id, a.UnitId, a.AssignedOn, a.DueOn })
                        .ToListAsync())
                    .Where(a => generated.ContainsKey(a.Number))
                    .Select(a => (a.ProposalId, a.Number, a.AssignmentId, a.UnitId, a.AssignedOn, a.DueOn))
                    .ToList();
            }

            var kindName = plan.Kind == SessionKind.Cppcc ? "提案" : "建议";
            foreach (var batch in leads.Chunk(1_000))
            {
                using var scope = site.Services.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<TransparencyDbContext>();
                db.ChangeTracker.AutoDetectChangesEnabled = false;
                foreach (var lead in batch)
                {
                    var text = generated[lead.Number];
                    var sentOn = lead.AssignedOn.AddDays(30 + random.Next(60));
                    var at = sentOn.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc);
                    var version = new DocumentVersion
                    {
                        Number = 1, State = VersionState.Published, Title = $"关于{plan.Name}第{lead.Number}号{kindName}的答复",
                        OfficialHtml = text.ReplyHtml, PublicHtml = text.ReplyHtml, Outcome = Enum.Parse<ReplyOutcome>(text.Outcome),
                        CreatedBy = "drafter", CreatedUtc = at.AddDays(-10), UpdatedBy = "drafter", UpdatedUtc = at.AddDays(-5), Revision = 1,
                    };
                    var document = new ReviewedDocument
                    {
                        Kind = DocumentKind.Reply, Status = DocumentStatus.Published, UnitId = lead.UnitId, LatestVersion = 1, PublishedVersion = 1,
                        CreatedUtc = at.AddDays(-10), UpdatedUtc = at.AddDays(3), PublishedUtc = at.AddDays(3), Versions = [version],
                    };
                    db.Add(new Reply
                    {
                        Document = document, ProposalId = lead.ProposalId, AssignmentId = lead.AssignmentId, UnitId = lead.UnitId, Round = 1,
                        DocumentNumber = string.Create(CultureInfo.InvariantCulture, $"市城管{(plan.Kind == SessionKind.Cppcc ? "提" : "建")}字〔{plan.Year}〕{lead.Number}号"),
                        SentOn = sentOn, SentChannel = (SendChannel)random.Next(4), SentBy = SeededBy, DueOn = lead.DueOn,
                    });
                    characters += text.ReplyHtml.Length;
                    bytes += Encoding.UTF8.GetByteCount(text.ReplyHtml);
                }

                await db.SaveChangesAsync();
            }

            using (var scope = site.Services.CreateScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<TransparencyDbContext>();
                await db.Set<Proposal>().Where(p => p.SessionId == sessionId).ExecuteUpdateAsync(u => u.SetProperty(p => p.Status, ProposalStatus.Replied));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {plan.Name}: {rows} proposals imported and replied ({count - remaining} so far, {watch.Elapsed.TotalSeconds:0} s)"));
        }

        return (characters, bytes);
    }

    private sealed record Rebuild(int Documents, TimeSpan Elapsed, TimeSpan Cpu, long IndexBytes);

    private static async Task<Rebuild> RebuildAsync(BenchmarkSite site)
    {
        var maintenance = site.Services.GetRequiredService<IndexMaintenance>();
        var status = site.Services.GetRequiredService<IndexStatus>();
        var index = site.Services.GetRequiredService<SearchIndex>();
        var options = site.Services.GetRequiredService<SearchOptions>();
        await status.CatchUpAsync(TimeSpan.FromMinutes(30)); // a rebuild at start (new or missing index) finishes first
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        maintenance.RequestRebuild("benchmark");
        await status.CatchUpAsync(TimeSpan.FromMinutes(30));
        var elapsed = watch.Elapsed;
        process.Refresh();
        cpu = process.TotalProcessorTime - cpu;
        var size = new DirectoryInfo(options.LuceneDirectory).EnumerateFiles().Sum(f => f.Length);
        var result = new Rebuild(index.DocumentCount, elapsed, cpu, size);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Rebuild: {result.Documents} documents in {elapsed.TotalSeconds:0.0} s ({result.Documents / elapsed.TotalSeconds:0} documents/s), CPU {cpu.TotalSeconds:0.0} s; peak working set {Peak()}."));
        return result;
    }

    private sealed record Breakdown(int Documents, TimeSpan Load, TimeSpan PlainText, double Megabytes, TimeSpan Analyze);

    /// <summary>
    /// The rebuild's parts measured apart, on one thread, streaming as the rebuild does: loading the published replies
    /// (<see cref="IPublishedContent.AllRepliesAsync"/>: database, proposals, units), turning their HTML into the search
    /// document (<see cref="ReplySearchSource.ToDocument"/>: <see cref="IHtmlSanitizer.ToPlainText"/>), and analyzing the
    /// document's text fields with the index's analyzer.
    /// </summary>
    private static async Task<Breakdown> BreakdownAsync(BenchmarkSite site)
    {
        using var scope = site.Services.CreateScope();
        var content = scope.ServiceProvider.GetRequiredService<IPublishedContent>();
        var sanitizer = scope.ServiceProvider.GetRequiredService<IHtmlSanitizer>();
        var analyzer = site.Services.GetRequiredService<SearchIndex>().Analyzer;
        var total = Stopwatch.StartNew();
        var plain = new Stopwatch();
        var analyze = new Stopwatch();
        var count = 0;
        double megabytes = 0;
        await foreach (var reply in content.AllRepliesAsync())
        {
            plain.Start();
            var document = ReplySearchSource.ToDocument(reply, sanitizer);
            plain.Stop();
            analyze.Start();
            foreach (var (field, text) in new[]
            {
                (IndexFields.Title, document.Title), (IndexFields.Body, document.Body), (IndexFields.Body, document.ProposalText ?? ""),
                (IndexFields.Body, string.Join(" ", document.Representatives)), (IndexFields.Number, document.Number ?? ""),
            })
            {
                megabytes += Encoding.UTF8.GetByteCount(text) / 1048576.0;
                using var stream = analyzer.GetTokenStream(field, text);
                stream.Reset();
                while (stream.IncrementToken())
                {
                }

                stream.End();
            }

            analyze.Stop();
            count++;
        }

        var load = total.Elapsed - plain.Elapsed - analyze.Elapsed;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Breakdown of {count} documents: loading {load.TotalSeconds:0.0} s; HTML to text {plain.Elapsed.TotalSeconds:0.0} s; analyzing {megabytes:0} MB of text {analyze.Elapsed.TotalSeconds:0.0} s ({megabytes / analyze.Elapsed.TotalSeconds:0.00} MB/s)."));
        return new Breakdown(count, load, plain.Elapsed, megabytes, analyze.Elapsed);
    }

    /// <summary>One- to three-word queries from the corpus's vocabulary, half of them with one or two filters, with facets (as the public list asks).</summary>
    private static async Task<List<string>> SearchLatencyAsync(BenchmarkSite site, int count)
    {
        var mix = await QueryMixAsync(site, count + 200, seed: 7);
        var samples = new List<(SearchQuery Query, double Milliseconds, int Total, int OnPage, double Cpu)>();
        for (var i = 0; i < mix.Count; i++)
        {
            using var scope = site.Services.CreateScope();
            var search = scope.ServiceProvider.GetRequiredService<ISearchService>();
            var thread = Environment.CurrentManagedThreadId;
            var cpu = ThreadCpu.Now();
            var watch = Stopwatch.StartNew();
            var results = await search.SearchAsync(mix[i]);
            var elapsed = watch.Elapsed.TotalMilliseconds;
            var cpuMilliseconds = Environment.CurrentManagedThreadId == thread ? (ThreadCpu.Now() - cpu) / 1e6 : double.NaN;
            if (i < 200)
            {
                continue; // the first 200 warm up the JIT and the index's caches
            }

            samples.Add((mix[i], elapsed, results.Total, results.Hits.Count, cpuMilliseconds));
        }

        string Row(string label, IReadOnlyList<(SearchQuery Query, double Milliseconds, int Total, int OnPage, double Cpu)> set)
        {
            if (set.Count == 0)
            {
                return $"| search latency, {label} | no query | – |";
            }

            var ordered = set.Select(s => s.Milliseconds).Order().ToList();
            var cpu = set.Select(s => s.Cpu).Where(c => !double.IsNaN(c)).Order().ToList();
            static double P(List<double> values, double p) => values.Count == 0 ? double.NaN : values[Math.Min(values.Count - 1, (int)Math.Ceiling(p / 100 * values.Count) - 1)];
            return string.Create(CultureInfo.InvariantCulture,
                $"| search latency, {label} | {set.Count} queries, {set.Average(s => s.Total):0} matches and {set.Average(s => s.OnPage):0.0} hits on the page on average; p50 / p95 / p99 / max; the query thread's own CPU time (independent of other load), p50 / p95: {P(cpu, 50):0.0} / {P(cpu, 95):0.0} ms | {P(ordered, 50):0.0} / **{P(ordered, 95):0.0}** / {P(ordered, 99):0.0} / {ordered[^1]:0.0} ms |");
        }

        var lines = new List<string>
        {
            Row("all (`ISearchService.SearchAsync`: facets, highlighted snippets, 20 per page)", samples),
            Row("without filters", samples.Where(s => s.Query.Filters.Count == 0).ToList()),
            Row("with filters", samples.Where(s => s.Query.Filters.Count > 0).ToList()),
        };
        foreach (var words in new[] { 1, 2, 3 })
        {
            lines.Add(Row($"{words} word(s)", samples.Where(s => s.Query.Text!.Split(' ').Length == words).ToList()));
        }

        // the cost per hit shown (snippets, stored fields) against the cost of matching and counting facets
        lines.Add(Row("no hit on the page", samples.Where(s => s.OnPage == 0).ToList()));
        lines.Add(Row("1–19 hits on the page", samples.Where(s => s.OnPage is > 0 and < 20).ToList()));
        lines.Add(Row("a full page of 20 hits", samples.Where(s => s.OnPage >= 20).ToList()));

        foreach (var line in lines)
        {
            Console.WriteLine(line);
        }

        return lines;
    }

    private static async Task<List<SearchQuery>> QueryMixAsync(BenchmarkSite site, int count, int seed)
    {
        Dictionary<string, List<string>> values;
        using (var scope = site.Services.CreateScope())
        {
            var all = await scope.ServiceProvider.GetRequiredService<ISearchService>()
                .SearchAsync(new SearchQuery(null, new Dictionary<string, string>()) { ContentType = PublicContentTypes.Reply });
            values = all.Facets.ToDictionary(f => f.Key, f => f.Value.Select(v => v.Value).ToList());
        }

        var random = new Random(seed);
        var terms = ReplyCorpus.QueryTerms;
        var filterFields = new[] { SearchFields.Year, SearchFields.Category, SearchFields.Unit, SearchFields.Outcome, SearchFields.Session }
            .Where(f => values.TryGetValue(f, out var v) && v.Count > 0).ToList();
        var mix = new List<SearchQuery>(count);
        for (var i = 0; i < count; i++)
        {
            var words = Enumerable.Range(0, 1 + random.Next(3)).Select(_ => terms[random.Next(terms.Count)]).Distinct().ToList();
            while (words.Count < 1 + (i % 3))
            {
                words.Add(terms[random.Next(terms.Count)]);
                words = words.Distinct().ToList();
            }

            var filters = new Dictionary<string, string>();
            if (random.Next(2) == 0)
            {
                foreach (var field in filterFields.OrderBy(_ => random.Next()).Take(1 + random.Next(2)))
                {
                    filters[field] = values[field][random.Next(values[field].Count)];
                }
            }

            mix.Add(new SearchQuery(string.Join(" ", words.Take(1 + (i % 3))), filters, Page: random.Next(10) == 0 ? 2 + random.Next(3) : 1)
            {
                ContentType = PublicContentTypes.Reply,
            });
        }

        return mix;
    }

    /// <summary>wrk (Debian's package) with 16 connections on 2 threads against the site's Kestrel on loopback.</summary>
    private static async Task<List<string>> HttpAsync(BenchmarkSite site, string folder, int seconds, int connections)
    {
        var lines = new List<string>();
        var address = site.Address.ToString().TrimEnd('/');
        var mix = await QueryMixAsync(site, 60_000, seed: 11);
        var searchUrls = mix.Select(q => "/replies?" + string.Join("&",
                new[] { "q=" + Uri.EscapeDataString(q.Text ?? "") }
                    .Concat(q.Filters.Select(f => f.Key + "=" + Uri.EscapeDataString(f.Value)))
                    .Concat(q.Page > 1 ? ["page=" + q.Page.ToString(CultureInfo.InvariantCulture)] : [])))
            .Distinct().ToList();
        List<int> replyIds;
        using (var scope = site.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TransparencyDbContext>();
            replyIds = await db.Set<Reply>().Where(r => r.Document.PublishedVersion != null).OrderBy(r => r.Id).Select(r => r.Id).Take(100_000).ToListAsync();
        }

        var random = new Random(5);
        var replyUrls = Enumerable.Range(0, 200).Select(_ => $"/replies/{replyIds[random.Next(replyIds.Count)]}").Distinct().ToList();
        using var client = new HttpClient { BaseAddress = new Uri(address) };
        // The same queries on the search over every content type (the home page's search box): a type facet as well.
        var everythingUrls = searchUrls.Select(u => "/search?" + u["/replies?".Length..]).ToList();
        foreach (var url in replyUrls.Concat(searchUrls.Take(5)).Concat(everythingUrls.Take(5)))
        {
            using var response = await client.GetAsync(url);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"GET {url} answered {(int)response.StatusCode}.");
            }
        }

        // the reply pages are now in the output cache (each fetched once above); the search URLs are each used once below: no cache hits
        var replyFile = Path.Combine(folder, "reply-urls.txt");
        var searchFile = Path.Combine(folder, "search-urls.txt");
        await File.WriteAllLinesAsync(replyFile, replyUrls);
        await File.WriteAllLinesAsync(searchFile, searchUrls.Skip(5));
        var everythingFile = Path.Combine(folder, "search-everything-urls.txt");
        await File.WriteAllLinesAsync(everythingFile, everythingUrls.Skip(5));
        var script = Path.Combine(folder, "urls.lua");
        await File.WriteAllTextAsync(script, WrkScript);
        foreach (var (label, file) in new[] { ("cached reply page `/replies/{id}` (200 pages, each already in the output cache)", replyFile), ("search page `/replies?q=…` (each URL once: never from the cache; 1–3 words, half with filters, facets)", searchFile), ("search over every type `/search?q=…` (the same queries, each URL once; facets with the type facet)", everythingFile) })
        {
            // The site's CPU time per request does not depend on what else runs on the machine: it gives the rate two
            // free cores could serve (less what wrk itself takes), beside the rate measured under today's load.
            var cpuBefore = SiteCpu();
            var result = await WrkAsync(address, script, file, seconds, connections);
            var cpuPerRequest = (SiteCpu() - cpuBefore).TotalMilliseconds / Math.Max(1, result.Requests);
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"| HTTP, {label} | wrk, {connections} connections, 2 threads, {seconds} s; {result.Requests} requests, {result.Errors} non-2xx/errors; latency p50 / p99 {result.P50:0.0} / {result.P99:0.0} ms; site CPU {cpuPerRequest:0.000} ms per request (at most {Environment.ProcessorCount * 1000 / cpuPerRequest:0} req/s on {Environment.ProcessorCount} free cores); load average {LoadAverage()} | **{result.RequestsPerSecond:0} req/s** |"));
            Console.WriteLine(lines[^1]);
        }

        return lines;
    }

    private sealed record WrkResult(double RequestsPerSecond, long Requests, long Errors, double P50, double P99);

    private static async Task<WrkResult> WrkAsync(string address, string script, string urls, int seconds, int connections)
    {
        var start = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-t2", $"-c{connections}", $"-d{seconds}s", "--latency", "-s", script, address })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["WRK_URLS"] = urls;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start (apt-get install -y wrk).");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var values = output.Split('\n').Where(l => l.StartsWith("RESULT ", StringComparison.Ordinal))
            .Select(l => l.Split(' ')).ToDictionary(p => p[1], p => double.Parse(p[2], CultureInfo.InvariantCulture));
        if (values.Count == 0)
        {
            throw new InvalidOperationException("wrk printed no result: " + output + await process.StandardError.ReadToEndAsync());
        }

        return new WrkResult(values["rps"], (long)values["requests"], (long)values["errors"], values["p50"] / 1000, values["p99"] / 1000);
    }

    /// <summary>Each wrk thread walks the URL list from its own offset; the summary in lines the program reads.</summary>
    private const string WrkScript = """
        local counter = 0
        local threads = {}
        function setup(thread)
          thread:set("id", counter)
          counter = counter + 1
          table.insert(threads, thread)
        end
        function init(args)
          urls = {}
          for line in io.lines(os.getenv("WRK_URLS")) do urls[#urls + 1] = line end
          n = 0
        end
        function request()
          local url = urls[((n * 2 + id) % #urls) + 1]
          n = n + 1
          return wrk.format("GET", url)
        end
        function done(summary, latency, requests)
          local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout + summary.errors.status
          io.write(string.format("RESULT rps %.1f\n", summary.requests / (summary.duration / 1000000)))
          io.write(string.format("RESULT requests %d\n", summary.requests))
          io.write(string.format("RESULT errors %d\n", errors))
          io.write(string.format("RESULT p50 %d\n", latency:percentile(50)))
          io.write(string.format("RESULT p99 %d\n", latency:percentile(99)))
        end
        """;

    private static TimeSpan SiteCpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    private static string Peak()
    {
        using var process = Process.GetCurrentProcess();
        return string.Create(CultureInfo.InvariantCulture, $"{process.PeakWorkingSet64 / 1048576.0:0} MB");
    }

    private static string LoadAverage()
        => File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}

/// <summary>The calling thread's CPU time in nanoseconds (Linux <c>clock_gettime(CLOCK_THREAD_CPUTIME_ID)</c>).</summary>
internal static partial class ThreadCpu
{
    private const int ClockThreadCpuTimeId = 3;

    public static long Now() => ClockGetTime(ClockThreadCpuTimeId, out var time) == 0 ? (time.Seconds * 1_000_000_000L) + time.Nanoseconds : 0;

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
