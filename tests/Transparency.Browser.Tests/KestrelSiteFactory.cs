using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Transparency.Browser.Tests;

/// <summary>
/// The real site on a real socket (Kestrel on a free loopback port), on its own SQLite file; extra settings
/// (e.g. <c>Setup:Recipes:0 = demo</c>) are applied after the defaults.
/// </summary>
public sealed class KestrelSiteFactory : WebApplicationFactory<Program>
{
    public const string AdminUser = "admin";
    public const string AdminPassword = "Browser#Test2026";

    private readonly string _databaseFile;
    private readonly IReadOnlyDictionary<string, string?> _settings;

    public KestrelSiteFactory(string databaseFile, IReadOnlyDictionary<string, string?>? settings = null)
    {
        _databaseFile = databaseFile;
        _settings = settings ?? new Dictionary<string, string?>();
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Development: the Razor class libraries' static web assets (themes' CSS) are served from their projects.
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Default", $"Data Source={_databaseFile}");
        builder.UseSetting("Setup:AdminPassword", AdminPassword);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // Each host its own search index, beside its database file (two hosts must not share one Lucene directory).
        builder.UseSetting("Search:IndexPath", _databaseFile + ".search");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
