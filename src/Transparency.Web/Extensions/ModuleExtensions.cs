using Transparency.Core.Modules;

namespace Transparency.Web.Extensions;

/// <summary>Discovers the enabled modules once per host.</summary>
internal static class ModuleExtensions
{
    public static IReadOnlyList<ModuleDescriptor> DiscoverModules(this IConfiguration configuration)
    {
        var disabled = configuration.GetSection("Modules:Disabled").Get<string[]>() ?? [];
        return ModuleCatalog.Build(ModuleCatalog.ReferencedAssemblies(), disabled);
    }

    /// <summary>The type a module's or theme's views and menu entries localize through, by convention <c>&lt;Assembly&gt;.SharedResource</c>.</summary>
    public static Type? SharedResourceType(this System.Reflection.Assembly assembly)
        => assembly.GetType($"{assembly.GetName().Name}.SharedResource");
}
