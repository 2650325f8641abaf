using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Transparency.Integration.Tests.Infrastructure;

/// <summary>Hosts the real site in memory on a given database, with extra configuration.</summary>
public sealed class SiteFactory(TestDatabase database, IReadOnlyDictionary<string, string?>? settings = null)
    : WebApplicationFactory<Program>
{
    public const string AdminPassword = "Admin#Test2026";

    public TestDatabase Database => database;

    /// <summary>This host's own search index folder (every node keeps its own), deleted with the host.</summary>
    public string SearchIndexPath { get; } = Path.Combine(Path.GetTempPath(), $"transparency-search-{Guid.NewGuid():N}");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", database.Provider);
        builder.UseSetting("ConnectionStrings:Default", database.ConnectionString);
        builder.UseSetting("Setup:AdminPassword", AdminPassword);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Search:IndexPath", SearchIndexPath);

        // Workflow events are recorded on every test site, but only sites that test workflows process them (their settings
        // turn the worker on), so background notices and mails cannot disturb other tests' counts.
        builder.UseSetting("Workflows:Worker", "false");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(SearchIndexPath))
        {
            Directory.Delete(SearchIndexPath, recursive: true);
        }
    }

    /// <summary>A client that keeps cookies and does not follow redirects, so tests see 302s.</summary>
    public SiteClient CreateSiteClient()
        => new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));
}
