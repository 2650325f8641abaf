namespace Transparency.Data;

/// <summary>The databases the site runs on.</summary>
public enum DatabaseProvider
{
    /// <summary>A SQLite file, <c>App_Data/transparency.db</c> by default: one node, zero set-up.</summary>
    Sqlite,

    /// <summary>PostgreSQL: production, several web nodes.</summary>
    PostgreSql,
}
