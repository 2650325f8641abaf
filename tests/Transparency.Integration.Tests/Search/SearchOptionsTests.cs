using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Transparency.Search.Services;

namespace Transparency.Integration.Tests.Search;

/// <summary>The Search:* settings and the --rebuild-index switch; how query text is rewritten for synonyms.</summary>
public sealed class SearchOptionsTests
{
    private static readonly IReadOnlyList<IReadOnlyList<string>> Groups = [["流动摊贩", "占道经营", "马路市场"], ["垃圾分类", "生活垃圾分类"]];

    [Fact]
    public void TheIndexLivesUnderAppDataUnlessConfigured()
    {
        var options = SearchOptions.From(Configuration(), new Environment("/srv/site"), ["app"]);
        Assert.Equal(Path.Combine("/srv/site", "App_Data", "search"), options.IndexPath);
        Assert.False(options.RebuildOnStart);
        Assert.Equal(TimeSpan.FromSeconds(2), options.PollInterval); // SQLite by default

        var configured = SearchOptions.From(Configuration(("Search:IndexPath", "idx"), ("Database:Provider", "PostgreSql")), new Environment("/srv/site"), ["app"]);
        Assert.Equal(Path.Combine("/srv/site", "idx"), configured.IndexPath);
        Assert.Equal(TimeSpan.FromMilliseconds(300), configured.PollInterval);
    }

    [Theory]
    [InlineData(new[] { "app", "--rebuild-index" }, null, true)]
    [InlineData(new[] { "app", "--recipe", "demo" }, null, false)]
    [InlineData(new[] { "app" }, "true", true)]
    [InlineData(new[] { "app" }, "false", false)]
    public void TheIndexIsRebuiltAtStartWhenAsked(string[] commandLine, string? setting, bool rebuild)
    {
        var configuration = setting is null ? Configuration() : Configuration(("Search:RebuildOnStart", setting));
        Assert.Equal(rebuild, SearchOptions.From(configuration, new Environment("/srv/site"), commandLine).RebuildOnStart);
    }

    [Theory]
    [InlineData("流动摊贩", "(\"流动摊贩\" OR \"占道经营\" OR \"马路市场\")")]
    [InlineData("生活垃圾分类 宣传", "(\"垃圾分类\" OR \"生活垃圾分类\")  宣传")]
    [InlineData("\"流动摊贩\"", "\"流动摊贩\"")]
    [InlineData("路灯", "路灯")]
    public void SynonymsAreExpandedLongestFirstAndNotInsideQuotes(string text, string expected)
        => Assert.Equal(expected, SynonymExpansion.Expand(text, Groups).Trim());

    private static IConfiguration Configuration(params (string Key, string Value)[] values)
        => new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    private sealed class Environment(string contentRoot) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Development";
        public string ApplicationName { get; set; } = "Transparency.Web";
        public string ContentRootPath { get; set; } = contentRoot;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
