using Transparency.Core.Modules;

namespace Transparency.Core.Tests.Modules;

public sealed class ModuleOrderingTests
{
    private static ModuleDescriptor Module(string id, params string[] dependencies) => new(id, id, "", dependencies, null);

    [Fact]
    public void DependenciesStartBeforeTheModulesThatNeedThem()
    {
        var ordered = ModuleOrdering.Order([Module("Users", "Units", "Audit"), Module("Units", "Audit"), Module("Audit"), Module("Portal")]);
        var ids = ordered.Select(m => m.Id).ToList();
        Assert.True(ids.IndexOf("Audit") < ids.IndexOf("Units"));
        Assert.True(ids.IndexOf("Units") < ids.IndexOf("Users"));
        Assert.Equal(4, ids.Count);
    }

    [Fact]
    public void OrderIsDeterministic()
    {
        var a = ModuleOrdering.Order([Module("B"), Module("A"), Module("C", "A")]).Select(m => m.Id);
        var b = ModuleOrdering.Order([Module("C", "A"), Module("A"), Module("B")]).Select(m => m.Id);
        Assert.Equal(a, b);
    }

    [Fact]
    public void MissingDependencyNamesTheModuleAndTheDependency()
    {
        var error = Assert.Throws<ModuleDependencyException>(() => ModuleOrdering.Order([Module("Users", "Units")]));
        Assert.Contains("Module 'Users' depends on module 'Units', which is missing or disabled", error.Message);
    }

    [Fact]
    public void CycleIsReportedWithItsPath()
    {
        var error = Assert.Throws<ModuleDependencyException>(() =>
            ModuleOrdering.Order([Module("A", "B"), Module("B", "C"), Module("C", "A")]));
        Assert.Contains("cycle: A → B → C → A", error.Message);
    }

    [Fact]
    public void ModuleDependingOnItselfIsACycle()
    {
        var error = Assert.Throws<ModuleDependencyException>(() => ModuleOrdering.Order([Module("A", "A")]));
        Assert.Contains("A → A", error.Message);
    }

    [Fact]
    public void DuplicateIdIsRefused()
    {
        var error = Assert.Throws<ModuleDependencyException>(() => ModuleOrdering.Order([Module("A"), Module("A")]));
        Assert.Contains("'A' is declared twice", error.Message);
    }
}
