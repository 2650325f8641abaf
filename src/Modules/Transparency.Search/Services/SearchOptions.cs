using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Transparency.Search.Services;

/// <summary>The <c>Search:*</c> settings of this node.</summary>
public sealed class SearchOptions
{
    /// <summary>The command-line switch that rebuilds the index at start (same as <c>Search:RebuildOnStart=true</c>).</summary>
    public const string RebuildSwitch = "--rebuild-index";

    /// <summary>This node's folder: the Lucene directory (<c>index/</c>) and the cursor file beside it.</summary>
    public required string IndexPath { get; init; }

    /// <summary>
    /// How often the worker looks for changes made on other nodes. A local change wakes it at once and makes it look
    /// every <see cref="BusyPollInterval"/> for <see cref="BusyPeriod"/> (the change may commit with an outer transaction).
    /// Default 300 ms on PostgreSQL (several nodes), 2 s on SQLite (one node; its readers can hold up writers).
    /// </summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(300);

    public TimeSpan BusyPollInterval { get; init; } = TimeSpan.FromMilliseconds(150);

    public TimeSpan BusyPeriod { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Log entries taken per batch.</summary>
    public int BatchSize { get; init; } = 200;

    /// <summary>How long a hole in the log's sequence is watched for a transaction that commits late (PostgreSQL).</summary>
    public TimeSpan GapTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Rebuild the index from the database when the node starts.</summary>
    public bool RebuildOnStart { get; init; }

    /// <summary>How long a node may keep the synonyms it read before reading them again (edits on this node apply at once).</summary>
    public TimeSpan SynonymCacheDuration { get; init; } = TimeSpan.FromSeconds(5);

    public string LuceneDirectory => Path.Combine(IndexPath, "index");

    public string CursorFile => Path.Combine(IndexPath, "cursor.json");

    public static SearchOptions From(IConfiguration configuration, IHostEnvironment environment, IReadOnlyList<string> commandLine)
    {
        var path = configuration["Search:IndexPath"] is { Length: > 0 } configured
            ? Path.GetFullPath(configured, environment.ContentRootPath)
            : Path.Combine(environment.ContentRootPath, "App_Data", "search");
        var sqlite = configuration["Database:Provider"] is not { Length: > 0 } provider || provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase);
        var poll = configuration.GetValue<int?>("Search:PollMilliseconds") ?? (sqlite ? 2_000 : 300);
        var batch = configuration.GetValue<int?>("Search:BatchSize") ?? 200;
        return new SearchOptions
        {
            IndexPath = path,
            PollInterval = TimeSpan.FromMilliseconds(Math.Clamp(poll, 50, 60_000)),
            BatchSize = Math.Clamp(batch, 1, 10_000),
            RebuildOnStart = configuration.GetValue<bool>("Search:RebuildOnStart")
                || commandLine.Contains(RebuildSwitch, StringComparer.OrdinalIgnoreCase),
        };
    }
}
