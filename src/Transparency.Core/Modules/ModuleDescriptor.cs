namespace Transparency.Core.Modules;

/// <summary>A discovered module: its manifest data and its startup instance.</summary>
/// <param name="Id">Stable identifier.</param>
/// <param name="Name">Display name.</param>
/// <param name="Description">What the module does.</param>
/// <param name="Dependencies">Ids of required modules.</param>
/// <param name="Startup">The module's startup; null only in tests of the ordering logic.</param>
public sealed record ModuleDescriptor(
    string Id,
    string Name,
    string Description,
    IReadOnlyList<string> Dependencies,
    ModuleStartup? Startup)
{
    /// <summary>The assembly that holds the module, when it has a startup.</summary>
    public System.Reflection.Assembly? Assembly => Startup?.GetType().Assembly;
}
