using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Transparency.Benchmarks;

/// <summary>
/// The real site, hosted in this process on a fresh database (a temporary SQLite file, or a temporary database on the
/// PostgreSQL server given): migrated, with the setup and demo recipes applied, exactly as at a first start.
/// </summary>
public sealed class BenchmarkSite : WebApplicationFactory<Program>
{
    private readonly string _provider;
    private readonly string _connectionString;
    private readonly string? _sqliteFile;
    private readonly string? _postgresServer;
    private readonly string? _postgresDatabase;
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly bool _keepFile;

    private BenchmarkSite(string provider, string connectionString, string? sqliteFile, string? postgresServer, string? postgresDatabase,
        IReadOnlyDictionary<string, string?>? settings = null, bool keepFile = false)
    {
        _settings = settings ?? new Dictionary<string, string?>();
        _keepFile = keepFile;
        _provider = provider;
        _connectionString = connectionString;
        _sqliteFile = sqliteFile;
        _postgresServer = postgresServer;
        _postgresDatabase = postgresDatabase;
    }

    public string Description => _provider == "Sqlite" ? "SQLite (file)" : "PostgreSQL";

    /// <summary>Starts the site on a new database; <paramref name="postgresServer"/> null means SQLite.</summary>
    public static async Task<BenchmarkSite> StartAsync(string? postgresServer)
    {
        BenchmarkSite site;
        if (postgresServer is null)
        {
            var file = Path.Combine(Path.GetTempPath(), $"transparency-bench-{Guid.NewGuid():N}.db");
            site = new BenchmarkSite("Sqlite", $"Data Source={file}", file, null, null);
        }
        else
        {
            var name = $"transparency_bench_{Guid.NewGuid():N}";
            await using (var connection = new NpgsqlConnection(postgresServer))
            {
                await connection.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection); // generated name, hex only
                await create.ExecuteNonQueryAsync();
            }

            site = new BenchmarkSite("PostgreSql", new NpgsqlConnectionStringBuilder(postgresServer) { Database = name }.ConnectionString, null, postgresServer, name);
        }

        _ = site.Server; // start: migrations and recipes run here
        return site;
    }

    /// <summary>
    /// Starts the site on the SQLite file given (created, migrated and set up when new; kept afterwards), with extra
    /// settings; with <paramref name="kestrel"/> it listens on a free loopback port for real HTTP clients (<see cref="Address"/>).
    /// </summary>
    public static BenchmarkSite StartSqlite(string file, IReadOnlyDictionary<string, string?> settings, bool kestrel)
    {
        var site = new BenchmarkSite("Sqlite", $"Data Source={file}", file, null, null, settings, keepFile: true);
        if (kestrel)
        {
            site.UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
        }

        site.StartServer();
        return site;
    }

    /// <summary>The address Kestrel listens on (after <see cref="StartSqlite"/> with Kestrel).</summary>
    public Uri Address => new(Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
        .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First());

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Database:Provider", _provider);
        builder.UseSetting("ConnectionStrings:Default", _connectionString);
        builder.UseSetting("Setup:AdminPassword", "Bench#Admin2026");
        builder.UseSetting("Setup:Recipes:0", "demo");
        builder.UseSetting("Setup:AllowDemoInProduction", "true");
        builder.UseSetting("Logging:LogLevel:Default", "Error");
        builder.UseSetting("Imports:Path", Path.Combine(Path.GetTempPath(), "transparency-bench-imports"));
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_sqliteFile is not null && !_keepFile)
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { _sqliteFile, _sqliteFile + "-wal", _sqliteFile + "-shm" })
            {
                File.Delete(file);
            }
        }

        if (_postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_postgresServer);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresDatabase}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }

        GC.SuppressFinalize(this);
    }
}
