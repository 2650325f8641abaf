using System.Reflection;

namespace Transparency.Core.Modules;

/// <summary>Finds module manifests on assemblies and builds the ordered list of enabled modules.</summary>
public static class ModuleCatalog
{
    /// <summary>
    /// Reads the <see cref="ModuleAttribute"/> of each assembly, drops disabled modules, checks
    /// dependencies and returns the modules in start order.
    /// </summary>
    public static IReadOnlyList<ModuleDescriptor> Build(IEnumerable<Assembly> assemblies, IEnumerable<string> disabled)
    {
        var disabledSet = new HashSet<string>(disabled, StringComparer.Ordinal);
        var modules = new List<ModuleDescriptor>();
        foreach (var assembly in assemblies.Distinct())
        {
            var manifest = assembly.GetCustomAttribute<ModuleAttribute>();
            if (manifest is null || disabledSet.Contains(manifest.Id))
            {
                continue;
            }

            if (!typeof(ModuleStartup).IsAssignableFrom(manifest.Startup) || manifest.Startup.IsAbstract)
            {
                throw new ModuleDependencyException(
                    $"Module '{manifest.Id}' names startup type '{manifest.Startup.FullName}', which does not derive from ModuleStartup.");
            }

            var startup = (ModuleStartup)Activator.CreateInstance(manifest.Startup)!;
            modules.Add(new ModuleDescriptor(manifest.Id, manifest.Name, manifest.Description, manifest.Dependencies, startup));
        }

        return ModuleOrdering.Order(modules);
    }

    /// <summary>
    /// The assemblies the application references: every project library listed in the entry
    /// application's dependency manifest (a compiler drops unused references from metadata, the manifest keeps them).
    /// </summary>
    public static IEnumerable<Assembly> ReferencedAssemblies()
    {
        var context = Microsoft.Extensions.DependencyModel.DependencyContext.Default;
        if (context is null)
        {
            yield break;
        }

        foreach (var library in context.RuntimeLibraries.Where(l => l.Type == "project"))
        {
            Assembly assembly;
            try
            {
                assembly = Assembly.Load(new AssemblyName(library.Name));
            }
            catch (FileNotFoundException)
            {
                continue; // a project without an assembly of the same name (e.g. a test host)
            }

            yield return assembly;
        }
    }
}
