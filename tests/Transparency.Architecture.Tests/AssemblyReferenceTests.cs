using System.Reflection;
using Transparency.Core.Modules;

namespace Transparency.Architecture.Tests;

/// <summary>The same rules on the compiled assemblies: what a module's code actually uses.</summary>
public sealed class AssemblyReferenceTests
{
    private static readonly IReadOnlyList<Assembly> Modules = ModuleCatalog.ReferencedAssemblies()
        .Where(a => a.GetCustomAttribute<ModuleAttribute>() is not null)
        .ToList();

    [Fact]
    public void TheHostReferencesTheExpectedModules()
    {
        var ids = Modules.Select(m => m.GetCustomAttribute<ModuleAttribute>()!.Id).Order().ToList();
        Assert.Equal(
            ["Transparency.Admin", "Transparency.AuditTrail", "Transparency.Calendar", "Transparency.Contents", "Transparency.Feedback", "Transparency.Notifications", "Transparency.Portal", "Transparency.Proposals", "Transparency.Recipes", "Transparency.Replies", "Transparency.Search", "Transparency.Settings", "Transparency.Units", "Transparency.Users", "Transparency.Workflows"],
            ids);
    }

    [Fact]
    public void NoModuleAssemblyUsesAnotherModuleAssembly()
        => Assert.Empty(CrossModuleUses(Modules));

    [Fact]
    public void CoreUsesNoModuleAssembly()
    {
        var moduleNames = Modules.Select(m => m.GetName().Name).ToHashSet();
        var core = typeof(ModuleStartup).Assembly;
        Assert.DoesNotContain(core.GetReferencedAssemblies(), r => moduleNames.Contains(r.Name));
    }

    [Fact]
    public void TheAssemblyCheckCatchesACrossModuleUse()
    {
        // This test assembly uses a type of the Users module and pretends to be a module.
        Assert.Equal("Transparency.Users", typeof(Transparency.Users.Startup).Assembly.GetName().Name);
        var rogue = typeof(AssemblyReferenceTests).Assembly;
        var withRogue = Modules.Append(rogue).ToList();
        var uses = CrossModuleUses(withRogue, pretendModule: rogue);
        Assert.Contains(uses, u => u.StartsWith("Transparency.Architecture.Tests uses Transparency.", StringComparison.Ordinal));
    }

    private static List<string> CrossModuleUses(IReadOnlyList<Assembly> modules, Assembly? pretendModule = null)
    {
        var names = modules.Select(m => m.GetName().Name!).ToHashSet();
        var uses = new List<string>();
        foreach (var module in modules)
        {
            foreach (var reference in module.GetReferencedAssemblies())
            {
                if (names.Contains(reference.Name!) && reference.Name != module.GetName().Name)
                {
                    uses.Add($"{module.GetName().Name} uses {reference.Name}");
                }
            }
        }

        return pretendModule is null ? uses : uses.Where(u => u.StartsWith(pretendModule.GetName().Name!, StringComparison.Ordinal)).ToList();
    }
}
