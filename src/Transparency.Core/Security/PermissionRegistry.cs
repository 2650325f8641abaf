namespace Transparency.Core.Security;

/// <summary>Every permission the enabled modules declare, in module order.</summary>
public sealed class PermissionRegistry
{
    private readonly Dictionary<string, Permission> _byName = new(StringComparer.Ordinal);

    /// <summary>Creates the registry; a permission declared twice stops the start.</summary>
    public PermissionRegistry(IEnumerable<Permission> permissions)
    {
        foreach (var permission in permissions)
        {
            if (!_byName.TryAdd(permission.Name, permission))
            {
                throw new InvalidOperationException($"Permission '{permission.Name}' is declared by more than one module.");
            }
        }
    }

    /// <summary>All permissions.</summary>
    public IReadOnlyCollection<Permission> All => _byName.Values;

    /// <summary>True when a module declares <paramref name="name"/>.</summary>
    public bool Contains(string name) => _byName.ContainsKey(name);

    /// <summary>Permissions grouped for display.</summary>
    public IEnumerable<IGrouping<string, Permission>> Groups => _byName.Values.GroupBy(p => p.Group);
}
