using Transparency.Core.Settings;

namespace Transparency.Search.Services;

/// <summary>
/// The synonym groups as queries use them, read from the settings document and kept for a few seconds (a search should
/// not cost a database read). An edit on this node applies at once; on other nodes within <see cref="SearchOptions.SynonymCacheDuration"/>.
/// </summary>
public sealed class SynonymCache(SearchOptions options, TimeProvider clock)
{
    private (IReadOnlyList<IReadOnlyList<string>> Groups, DateTimeOffset ReadAt)? _current;

    public async Task<IReadOnlyList<IReadOnlyList<string>>> GetAsync(ISettingsDocumentStore store, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (_current is { } current && now - current.ReadAt < options.SynonymCacheDuration)
        {
            return current.Groups;
        }

        var settings = await store.GetAsync<SynonymSettings>(SynonymSettings.DocumentName, cancellationToken);
        IReadOnlyList<IReadOnlyList<string>> groups = (settings.Groups ?? []).Where(g => g is { Count: > 1 }).Select(g => (IReadOnlyList<string>)g.ToList()).ToList();
        if (_current is { } previous && Same(previous.Groups, groups))
        {
            groups = previous.Groups; // the same instance while nothing changed: ParsedQueryCache keeps its queries
        }

        _current = (groups, now);
        return groups;
    }

    private static bool Same(IReadOnlyList<IReadOnlyList<string>> a, IReadOnlyList<IReadOnlyList<string>> b)
        => a.Count == b.Count && a.Zip(b).All(pair => pair.First.SequenceEqual(pair.Second, StringComparer.Ordinal));

    /// <summary>Forgets the cached groups (after this node saved new ones).</summary>
    public void Invalidate() => _current = null;
}
