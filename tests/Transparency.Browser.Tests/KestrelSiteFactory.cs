using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Transparency.Browser.Tests;

/// <summary>The real site on a real socket (Kestrel on a free loopback port), on its own SQLite file.</summary>
public sealed class KestrelSiteFactory : WebApplicationFactory<Program>
{
    public const string AdminUser = "admin";
    public const string AdminPassword = "Browser#Test2026";

    private readonly string _databaseFile;

    public KestrelSiteFactory(string databaseFile)
    {
        _databaseFile = databaseFile;
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
    }
}
