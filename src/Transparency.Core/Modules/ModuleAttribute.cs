namespace Transparency.Core.Modules;

/// <summary>
/// The manifest of a module: placed once on a module assembly (in its <c>Manifest.cs</c>).
/// The host discovers every referenced assembly that carries it.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false)]
public sealed class ModuleAttribute : Attribute
{
    /// <summary>Creates a manifest.</summary>
    /// <param name="id">Stable identifier, e.g. <c>Transparency.Users</c>.</param>
    /// <param name="startup">The module's startup type; must derive from <see cref="ModuleStartup"/>.</param>
    public ModuleAttribute(string id, Type startup)
    {
        Id = id;
        Startup = startup;
    }

    /// <summary>Stable identifier, used in dependencies and configuration.</summary>
    public string Id { get; }

    /// <summary>The module's startup type.</summary>
    public Type Startup { get; }

    /// <summary>Display name shown to administrators.</summary>
    public string Name { get; set; } = "";

    /// <summary>One sentence on what the module does.</summary>
    public string Description { get; set; } = "";

    /// <summary>Ids of the modules this module needs; they start before it.</summary>
    public string[] Dependencies { get; set; } = [];
}
