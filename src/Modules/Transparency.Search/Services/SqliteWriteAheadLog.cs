using Microsoft.EntityFrameworkCore;
using Transparency.Core.Hosting;
using Transparency.Data;

namespace Transparency.Search.Services;

/// <summary>
/// On SQLite, switches the database file to write-ahead logging (once; it is a property of the file). The indexing
/// worker reads the log in the background, and in SQLite's default rollback-journal mode a reader that holds its lock
/// at the wrong moment makes a concurrent single-statement write fail with "database is locked"; with WAL, readers and
/// the writer do not block each other. (A candidate for the data layer's own set-up, since public pages read
/// concurrently with back-office writes too.)
/// </summary>
public sealed class SqliteWriteAheadLog(TransparencyDbContext db) : IStartupTask
{
    public int Order => -100;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (db.Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite")
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }
}
