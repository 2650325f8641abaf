namespace Transparency.Integration.Tests.Infrastructure;

public enum DatabaseKind
{
    Sqlite,
    PostgreSql,
}
