using System.Xml.Linq;

namespace Transparency.Architecture.Tests;

/// <summary>The rules of the house about which project may reference which, checked on project files.</summary>
public static class DependencyRules
{
    /// <summary>A project and the projects it references, by file name without extension.</summary>
    public sealed record Project(string Name, string Kind, IReadOnlyList<string> References);

    public static IReadOnlyList<Project> Load(string repositoryRoot)
    {
        var projects = new List<Project>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(repositoryRoot, "src"), "*.csproj", SearchOption.AllDirectories)
                     .Concat(Directory.EnumerateFiles(Path.Combine(repositoryRoot, "themes"), "*.csproj", SearchOption.AllDirectories)))
        {
            projects.Add(Parse(Path.GetFileNameWithoutExtension(file), KindOf(file), File.ReadAllText(file)));
        }

        return projects;
    }

    public static Project Parse(string name, string kind, string csproj)
        => new(name, kind, XDocument.Parse(csproj).Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/')))
            .ToList());

    /// <summary>Every violation, as a sentence; empty when the rules hold.</summary>
    public static IReadOnlyList<string> Violations(IReadOnlyList<Project> projects)
    {
        var kinds = projects.ToDictionary(p => p.Name, p => p.Kind);
        var violations = new List<string>();
        foreach (var project in projects)
        {
            foreach (var reference in project.References)
            {
                var target = kinds.GetValueOrDefault(reference, "unknown");
                var allowed = (project.Kind, target) switch
                {
                    ("module", "module") => false,         // modules talk through Core contracts or events
                    ("core", not "core") => false,         // the kernel stands alone
                    ("data", "module" or "theme" or "host") => false,
                    ("theme", "module" or "host") => false, // themes know contracts, not modules
                    ("migrations", not ("data" or "core")) => false,
                    _ => true,
                };
                if (!allowed)
                {
                    violations.Add($"{project.Name} ({project.Kind}) must not reference {reference} ({target}).");
                }
            }
        }

        return violations;
    }

    private static string KindOf(string path)
    {
        var normalized = path.Replace('\\', '/');
        return normalized switch
        {
            _ when normalized.Contains("/src/Modules/", StringComparison.Ordinal) => "module",
            _ when normalized.Contains("/themes/", StringComparison.Ordinal) => "theme",
            _ when normalized.EndsWith("Transparency.Core.csproj", StringComparison.Ordinal) => "core",
            _ when normalized.EndsWith("Transparency.Data.csproj", StringComparison.Ordinal) => "data",
            _ when normalized.Contains("/Transparency.Data.", StringComparison.Ordinal) => "migrations",
            _ => "host",
        };
    }
}
