namespace Transparency.Integration.Tests.Infrastructure;

/// <summary>One site on one fresh database, shared by the tests of a class.</summary>
public abstract class SiteFixture(DatabaseKind kind) : IAsyncLifetime
{
    private TestDatabase? _database;
    private SiteFactory? _factory;

    public DatabaseKind Kind => kind;

    public TestDatabase Database => _database ?? throw new InvalidOperationException("Fixture not initialized.");

    public SiteFactory Factory => _factory ?? throw new InvalidOperationException("Fixture not initialized.");

    /// <summary>Extra configuration for the site, e.g. a recipe to run.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Setup:Recipes:0"] = "demo",
    };

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(kind);
        _factory = new SiteFactory(_database, Settings);
        _ = _factory.Server; // start now: migrations and recipes run here, not in the first test
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    /// <summary>A second site on the same database, as a second web node would be.</summary>
    public SiteFactory CreateSecondNode() => new(Database, Settings);
}

/// <summary>The demo site on SQLite.</summary>
public sealed class SqliteSite() : SiteFixture(DatabaseKind.Sqlite);

/// <summary>The demo site on PostgreSQL.</summary>
public sealed class PostgreSqlSite() : SiteFixture(DatabaseKind.PostgreSql);
