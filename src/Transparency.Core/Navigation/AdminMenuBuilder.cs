namespace Transparency.Core.Navigation;

/// <summary>Collects the modules' menu entries at start.</summary>
public sealed class AdminMenuBuilder
{
    private readonly List<AdminMenuItem> _items = [];

    /// <summary>The resource type applied to entries added from now on (set by the host per module).</summary>
    public Type? CurrentResourceType { get; set; }

    /// <summary>Adds an entry visible to users holding <paramref name="permission"/>.</summary>
    public AdminMenuBuilder Add(string group, string title, string url, string permission, int order = 0)
    {
        _items.Add(new AdminMenuItem(group, title, url, permission, order) { ResourceType = CurrentResourceType });
        return this;
    }

    /// <summary>The entries collected so far.</summary>
    public IReadOnlyList<AdminMenuItem> Items => _items;
}
