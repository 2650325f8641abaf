namespace Transparency.Architecture.Tests;

public sealed class ProjectReferenceTests
{
    private static readonly string Root = FindRoot();

    [Fact]
    public void TheRepositoryFollowsTheDependencyRules()
    {
        var projects = DependencyRules.Load(Root);
        Assert.Contains(projects, p => p.Kind == "module");
        Assert.Contains(projects, p => p.Kind == "core");
        Assert.Empty(DependencyRules.Violations(projects));
    }

    [Fact]
    public void AModuleReferencingAnotherModuleIsCaught()
    {
        var projects = DependencyRules.Load(Root).ToList();
        projects.Add(DependencyRules.Parse("Transparency.Rogue", "module",
            """<Project><ItemGroup><ProjectReference Include="..\Transparency.Users\Transparency.Users.csproj" /></ItemGroup></Project>"""));
        var violation = Assert.Single(DependencyRules.Violations(projects));
        Assert.Equal("Transparency.Rogue (module) must not reference Transparency.Users (module).", violation);
    }

    [Fact]
    public void CoreReferencingAModuleIsCaught()
    {
        var projects = DependencyRules.Load(Root)
            .Select(p => p.Kind == "core" ? p with { References = [.. p.References, "Transparency.Units"] } : p)
            .ToList();
        var violation = Assert.Single(DependencyRules.Violations(projects));
        Assert.Equal("Transparency.Core (core) must not reference Transparency.Units (module).", violation);
    }

    [Fact]
    public void AThemeReferencingAModuleIsCaught()
    {
        var projects = DependencyRules.Load(Root)
            .Select(p => p.Name == "Transparency.Theme.Admin" ? p with { References = [.. p.References, "Transparency.Users"] } : p)
            .ToList();
        Assert.Single(DependencyRules.Violations(projects));
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Transparency.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Transparency.sln not found above the test output.");
    }
}
