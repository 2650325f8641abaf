using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace Transparency.Data;

/// <summary>Reads the database configuration and configures EF for the chosen provider.</summary>
public static class DatabaseSetup
{
    /// <summary>The migrations assembly of each provider.</summary>
    public static string MigrationsAssembly(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => "Transparency.Data.Sqlite",
        DatabaseProvider.PostgreSql => "Transparency.Data.PostgreSql",
        _ => throw new ArgumentOutOfRangeException(nameof(provider)),
    };

    /// <summary>
    /// Reads <c>Database:Provider</c> and <c>ConnectionStrings:Default</c>. An unknown provider or a
    /// missing PostgreSQL connection string stops the start with a message that says what to change.
    /// </summary>
    public static (DatabaseProvider Provider, string ConnectionString) Resolve(IConfiguration configuration, string contentRoot)
    {
        var name = configuration["Database:Provider"];
        DatabaseProvider provider;
        if (string.IsNullOrWhiteSpace(name))
        {
            provider = DatabaseProvider.Sqlite;
        }
        else if (!Enum.TryParse(name, ignoreCase: true, out provider) || !Enum.IsDefined(provider) || int.TryParse(name, out _))
        {
            throw new InvalidOperationException(
                $"Configuration 'Database:Provider' is '{name}', which is not supported. " +
                $"Valid values: {string.Join(", ", Enum.GetNames<DatabaseProvider>())}.");
        }

        var connectionString = configuration.GetConnectionString("Default");
        if (provider == DatabaseProvider.PostgreSql && string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                "Configuration 'Database:Provider' is 'PostgreSql' but 'ConnectionStrings:Default' is empty. " +
                "Set it, e.g. ConnectionStrings__Default=\"Host=127.0.0.1;Database=transparency;Username=…;Password=…\".");
        }

        if (provider == DatabaseProvider.Sqlite && string.IsNullOrWhiteSpace(connectionString))
        {
            var dataDirectory = Path.Combine(contentRoot, "App_Data");
            Directory.CreateDirectory(dataDirectory);
            connectionString = $"Data Source={Path.Combine(dataDirectory, "transparency.db")}";
        }

        return (provider, connectionString!);
    }

    /// <summary>Configures <paramref name="options"/> for the provider, with its migrations assembly.</summary>
    public static DbContextOptionsBuilder UseTransparencyDatabase(
        this DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString)
    {
        var migrations = MigrationsAssembly(provider);
        _ = provider == DatabaseProvider.Sqlite
            ? options.UseSqlite(connectionString, o => o.MigrationsAssembly(migrations))
            : options.UseNpgsql(connectionString, o => o.MigrationsAssembly(migrations));
        options.ReplaceService<IModelCacheKeyFactory, ModelCompositionCacheKeyFactory>();
        return options;
    }
}
