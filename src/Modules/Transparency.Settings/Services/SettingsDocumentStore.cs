using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Transparency.Core.Audit;
using Transparency.Core.Settings;
using Transparency.Data;
using Transparency.Settings.Models;

namespace Transparency.Settings.Services;

/// <summary>Modules' named settings documents, one JSON row each in <c>settings_documents</c>.</summary>
public sealed class SettingsDocumentStore(TransparencyDbContext db, IAuditTrail audit) : ISettingsDocumentStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<T> GetAsync<T>(string name, CancellationToken cancellationToken = default)
        where T : class, new()
    {
        var document = await db.Set<SettingsDocument>().AsNoTracking().FirstOrDefaultAsync(d => d.Name == name, cancellationToken);
        return document is null ? new T() : JsonSerializer.Deserialize<T>(document.Json, Json) ?? new T();
    }

    public async Task UpdateAsync<T>(string name, T value, string summary, CancellationToken cancellationToken = default)
        where T : class
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var document = await db.Set<SettingsDocument>().FirstOrDefaultAsync(d => d.Name == name, cancellationToken);
        if (document is null)
        {
            document = new SettingsDocument { Name = name };
            db.Add(document);
        }

        document.Json = JsonSerializer.Serialize(value, Json);
        audit.Record(new AuditEntry("Settings", "Updated", name, summary));
    }
}
