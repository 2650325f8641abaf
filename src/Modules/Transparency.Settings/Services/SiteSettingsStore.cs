using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Transparency.Core.Audit;
using Transparency.Core.Settings;
using Transparency.Data;
using Transparency.Settings.Models;

namespace Transparency.Settings.Services;

public sealed class SiteSettingsStore(TransparencyDbContext db, IAuditTrail audit, SiteSettingsCache cache) : ISiteSettingsStore
{
    private const string DocumentName = "Site";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<SiteSettings> GetAsync(CancellationToken cancellationToken = default)
    {
        if (cache.TryGet(out var version) is { } cached)
        {
            return cached;
        }

        var document = await db.Set<SettingsDocument>().AsNoTracking()
            .FirstOrDefaultAsync(d => d.Name == DocumentName, cancellationToken);
        var settings = document is null ? new SiteSettings() : JsonSerializer.Deserialize<SiteSettings>(document.Json, Json) ?? new SiteSettings();
        cache.Set(settings, version);
        return settings;
    }

    public async Task UpdateAsync(SiteSettings settings, CancellationToken cancellationToken = default)
    {
        if (!SiteSettings.SupportedCultures.Contains(settings.DefaultCulture))
        {
            throw new ArgumentException(
                $"Default culture '{settings.DefaultCulture}' is not supported; use one of {string.Join(", ", SiteSettings.SupportedCultures)}.",
                nameof(settings));
        }

        var document = await db.Set<SettingsDocument>().FirstOrDefaultAsync(d => d.Name == DocumentName, cancellationToken);
        if (document is null)
        {
            document = new SettingsDocument { Name = DocumentName };
            db.Add(document);
        }

        document.Json = JsonSerializer.Serialize(settings, Json);
        cache.Invalidate();
        audit.Record(new AuditEntry("Settings", "Updated", DocumentName,
            $"站点名称：{settings.SiteName}；默认语言：{settings.DefaultCulture}"));
    }
}
