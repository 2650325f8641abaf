using Transparency.Core.Settings;

namespace Transparency.Settings.Services;

/// <summary>
/// This node's copy of the site settings, read on every request (the default culture decides the language of every
/// page, cached ones included) and changed perhaps once a year. A copy lives <see cref="Lifetime"/>: a change saved on
/// this node is seen at once, a change saved on another node within that time. <see cref="SiteSettings"/> is
/// immutable, so one instance is shared.
/// </summary>
public sealed class SiteSettingsCache
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    private readonly Lock _gate = new();
    private SiteSettings? _value;
    private long _loadedAt;
    private long _version;

    /// <summary>The cached settings, or null when there are none or they are too old.</summary>
    public SiteSettings? TryGet(out long version)
    {
        lock (_gate)
        {
            version = _version;
            return _value is not null && Environment.TickCount64 - _loadedAt < (long)Lifetime.TotalMilliseconds ? _value : null;
        }
    }

    /// <summary>Keeps settings read from the database, unless a change was staged since the read began (<paramref name="version"/>).</summary>
    public void Set(SiteSettings value, long version)
    {
        lock (_gate)
        {
            if (version == _version)
            {
                _value = value;
                _loadedAt = Environment.TickCount64;
            }
        }
    }

    /// <summary>Forgets the copy: the settings are being changed.</summary>
    public void Invalidate()
    {
        lock (_gate)
        {
            _version++;
            _value = null;
        }
    }
}
