using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Transparency.Architecture.Tests;

/// <summary>
/// Every literal key a view passes to its localizer (<c>T["中文"]</c>, <c>T["第{0}版", n]</c>) has an entry in its
/// project's <c>SharedResource.en.resx</c> (ADR 0004); a missing one shows Chinese on the English page.
/// Keys that reach <c>T[...]</c> through a variable (status texts, menu entries, permission descriptions) are not checked here.
/// </summary>
public sealed partial class EnglishResourceTests
{
    private static readonly string Root = FindRoot();

    [Fact]
    public void EveryLiteralViewKeyHasAnEnglishEntry()
    {
        var projects = Projects().ToList();
        Assert.Contains(projects, p => Path.GetFileName(p) == "Transparency.Replies");
        Assert.Contains(projects, p => Path.GetFileName(p) == "Transparency.Theme.Admin");

        var gaps = projects
            .Select(p => (Project: Path.GetFileName(p), Missing: Missing(ViewKeys(p), ResourceNames(p))))
            .Where(g => g.Missing.Count > 0)
            .Select(g => $"{g.Project} ({g.Missing.Count}):{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", g.Missing)}")
            .ToList();
        Assert.True(gaps.Count == 0, "Keys without an entry in SharedResource.en.resx:" + Environment.NewLine + string.Join(Environment.NewLine, gaps));
    }

    [Fact]
    public void TheCheckReadsKeysAsCSharpStringLiterals()
    {
        const string view = """
            <h1>@T["答复"]</h1><p>@T["第{0}版", n] @T[ "说\"明\\" ]</p>
            @(ok ? T["通过"] : T[StatusText.Of(s)]) @ViewData["Title"] @Model.T["不是"] @DT["也不是"]
            """;
        Assert.Equal(new[] { "答复", "第{0}版", "说\"明\\", "通过" }, Keys(view));
    }

    [Fact]
    public void TheCheckCatchesAMissingKey()
    {
        var resx = XDocument.Parse("""<root><data name="答复" xml:space="preserve"><value>Replies</value></data><data name="引号&quot;" xml:space="preserve"><value>Quote</value></data></root>""");
        var names = resx.Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(new[] { "送达" }, Missing(new[] { "答复", "送达", "引号\"" }, names));
    }

    /// <summary>Module and theme projects with views: the folders under src/Modules and themes that hold a Views folder.</summary>
    private static IEnumerable<string> Projects()
        => new[] { Path.Combine(Root, "src", "Modules"), Path.Combine(Root, "themes") }
            .SelectMany(Directory.EnumerateDirectories)
            .Where(p => Directory.Exists(Path.Combine(p, "Views")))
            .OrderBy(p => p, StringComparer.Ordinal);

    private static List<string> ViewKeys(string project)
        => Directory.EnumerateFiles(Path.Combine(project, "Views"), "*.cshtml", SearchOption.AllDirectories)
            .OrderBy(f => f, StringComparer.Ordinal)
            .SelectMany(f => Keys(File.ReadAllText(f)))
            .Distinct(StringComparer.Ordinal)
            .ToList();

    private static HashSet<string> ResourceNames(string project)
    {
        var file = Path.Combine(project, "SharedResource.en.resx");
        return File.Exists(file)
            ? XDocument.Load(file).Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet(StringComparer.Ordinal)
            : [];
    }

    private static List<string> Missing(IEnumerable<string> keys, HashSet<string> names)
        => keys.Where(k => !names.Contains(k)).ToList();

    /// <summary>The literal first arguments of <c>T[...]</c>, unescaped as C# regular string literals.</summary>
    private static List<string> Keys(string view)
        => LiteralKey().Matches(view)
            .Select(m => Escape().Replace(m.Groups["key"].Value, e => e.Groups[1].Value switch { "n" => "\n", "t" => "\t", var c => c }))
            .ToList();

    [GeneratedRegex("""(?<![\w.])T\[\s*"(?<key>(?:[^"\\\r\n]|\\.)*)"\s*[,\]]""")]
    private static partial Regex LiteralKey();

    [GeneratedRegex("""\\(.)""")]
    private static partial Regex Escape();

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
