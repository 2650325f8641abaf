namespace Transparency.Core.Settings;

/// <summary>Reads and writes <see cref="SiteSettings"/>.</summary>
public interface ISiteSettingsStore
{
    /// <summary>The current settings (defaults when none are stored).</summary>
    Task<SiteSettings> GetAsync(CancellationToken cancellationToken = default);

    /// <summary>Stages new settings in the current unit of work, with an audit event; the caller saves.</summary>
    Task UpdateAsync(SiteSettings settings, CancellationToken cancellationToken = default);
}
