using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Transparency.Proposals.Services.Import;

/// <summary>
/// Inserts many entities of this module with multi-row <c>INSERT … VALUES (…), (…) [RETURNING …]</c> statements on the
/// context's connection and current transaction: tens of thousands of rows in a few statements instead of one tracked entity
/// and one statement each. Everything comes from the EF model — table and column names, and each column's type mapping (so
/// value converters such as enums stored as text apply exactly as in SaveChanges); every mapped property is written except
/// store-generated ones (identity keys). SQLite (3.35+) and PostgreSQL both support <c>RETURNING</c>.
/// </summary>
public static class BulkInsert
{
    /// <summary>
    /// Parameters per statement (measured). PostgreSQL takes up to 65,535, but statements of a few thousand parameters
    /// insert fastest. SQLite takes 32,766, but it finds each named parameter by a linear search
    /// (<c>sqlite3_bind_parameter_index</c>), so binding grows with the square of a statement's parameters: a few hundred is fastest there.
    /// </summary>
    private const int MaxParameters = 4_000;

    private const int MaxSqliteParameters = 250;

    private const int MaxRowsPerStatement = 1_000;

    /// <summary>Inserts <paramref name="entities"/>; returns, per inserted row (in no particular order), the values of the <paramref name="returning"/> properties.</summary>
    public static async Task<List<object[]>> InsertAsync<T>(DbContext db, IReadOnlyList<T> entities, IReadOnlyList<string> returning, CancellationToken cancellationToken = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(entities);
        ArgumentNullException.ThrowIfNull(returning);
        var results = new List<object[]>(returning.Count > 0 ? entities.Count : 0);
        if (entities.Count == 0)
        {
            return results;
        }

        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var columns = entityType.GetProperties().Where(p => p.ValueGenerated == ValueGenerated.Never).ToList();
        if (columns.FirstOrDefault(p => p.IsShadowProperty()) is { } shadow)
        {
            throw new InvalidOperationException($"{typeof(T).Name}.{shadow.Name} is a shadow property; bulk insert writes CLR properties only.");
        }

        var mappings = columns.Select(p => p.GetRelationalTypeMapping()).ToArray();
        var getters = columns.Select(p => p.GetGetter()).ToArray();
        var head = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)))}) VALUES ";
        var tail = returning.Count == 0
            ? ""
            : " RETURNING " + string.Join(", ", returning.Select(n => sql.DelimitIdentifier(entityType.FindProperty(n)!.GetColumnName(table)!)));
        var sqlite = db.Database.ProviderName?.Contains("Sqlite", StringComparison.OrdinalIgnoreCase) == true;
        var rowsPerStatement = Math.Clamp((sqlite ? MaxSqliteParameters : MaxParameters) / columns.Count, 1, MaxRowsPerStatement);
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();

        for (var start = 0; start < entities.Count; start += rowsPerStatement)
        {
            var count = Math.Min(rowsPerStatement, entities.Count - start);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandTimeout = db.Database.GetCommandTimeout() ?? 60;
            var text = new StringBuilder(head, head.Length + tail.Length + (count * columns.Count * 8));
            for (var row = 0; row < count; row++)
            {
                text.Append(row == 0 ? "(" : ", (");
                for (var c = 0; c < columns.Count; c++)
                {
                    var name = string.Create(CultureInfo.InvariantCulture, $"@p{(row * columns.Count) + c}");
                    text.Append(c == 0 ? name : ", " + name);
                    command.Parameters.Add(mappings[c].CreateParameter(command, name, getters[c].GetClrValueUsingContainingEntity(entities[start + row]!), columns[c].IsNullable));
                }

                text.Append(')');
            }

            command.CommandText = text.Append(tail).ToString();
            if (returning.Count == 0)
            {
                await command.ExecuteNonQueryAsync(cancellationToken);
                continue;
            }

            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var values = new object[returning.Count];
                reader.GetValues(values);
                results.Add(values);
            }
        }

        return results;
    }
}
