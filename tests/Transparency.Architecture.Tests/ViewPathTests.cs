using System.Reflection;
using Microsoft.AspNetCore.Razor.Hosting;
using Transparency.Core.Modules;

namespace Transparency.Architecture.Tests;

/// <summary>
/// Razor views of all modules share one virtual path space: two modules with a view at the same path
/// (e.g. two DashboardControllers with /Views/Dashboard/Index.cshtml) would silently render each other's view.
/// </summary>
public sealed class ViewPathTests
{
    [Fact]
    public void NoTwoModulesCompileAViewAtTheSamePath()
    {
        var modules = ModuleCatalog.ReferencedAssemblies().Where(a => a.GetCustomAttribute<ModuleAttribute>() is not null).ToList();
        Assert.Empty(Clashes(modules));
    }

    [Fact]
    public void TheCheckCatchesAClash()
    {
        var users = typeof(Transparency.Users.Startup).Assembly;
        Assert.NotEmpty(Clashes([users, users]));
    }

    private static List<string> Clashes(IReadOnlyList<Assembly> assemblies)
        => assemblies
            .SelectMany(a => a.GetCustomAttributes<RazorCompiledItemAttribute>().Select(v => (v.Identifier, Assembly: a.GetName().Name)))
            .Where(v => !v.Identifier.EndsWith("/_ViewImports.cshtml", StringComparison.Ordinal))
            .GroupBy(v => v.Identifier, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(v => v.Assembly))}")
            .ToList();
}
