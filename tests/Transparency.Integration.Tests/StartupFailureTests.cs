using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Transparency.Integration.Tests.Infrastructure;

namespace Transparency.Integration.Tests;

/// <summary>Invalid configuration stops the start with a message that says what to change.</summary>
public sealed class StartupFailureTests
{
    [Fact]
    public void UnknownDatabaseProviderStopsTheStartListingTheValidOnes()
    {
        using var factory = new RawFactory(new() { ["Database:Provider"] = "Oracle" });
        var error = Assert.ThrowsAny<Exception>(() => factory.Server);
        Assert.Contains("'Database:Provider' is 'Oracle'", Flatten(error));
        Assert.Contains("Valid values: Sqlite, PostgreSql", Flatten(error));
    }

    [Fact]
    public void PostgreSqlWithoutConnectionStringStopsTheStart()
    {
        using var factory = new RawFactory(new() { ["Database:Provider"] = "PostgreSql", ["ConnectionStrings:Default"] = "" });
        var error = Assert.ThrowsAny<Exception>(() => factory.Server);
        Assert.Contains("'ConnectionStrings:Default' is empty", Flatten(error));
    }

    [Fact]
    public void DisablingAModuleThatAnotherNeedsStopsTheStartNamingBoth()
    {
        using var factory = new RawFactory(new() { ["Modules:Disabled:0"] = "Transparency.Calendar" });
        var error = Assert.ThrowsAny<Exception>(() => factory.Server);
        // Modules are checked in id order: Feedback (which computes re-handling deadlines) is the first to need Calendar.
        Assert.Contains("Module 'Transparency.Feedback' depends on module 'Transparency.Calendar', which is missing or disabled", Flatten(error));
    }

    [Fact]
    public async Task DemoRecipeRefusesToRunInProduction()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        using var factory = new RawFactory(new()
        {
            ["ConnectionStrings:Default"] = database.ConnectionString,
            ["Setup:AdminPassword"] = SiteFactory.AdminPassword,
            ["Setup:Recipes:0"] = "demo",
        }, environment: "Production");
        var error = Assert.ThrowsAny<Exception>(() => factory.Server);
        Assert.Contains("is a demo recipe and the environment is Production", Flatten(error));
        Assert.Contains("Setup:AllowDemoInProduction", Flatten(error));
    }

    [Fact]
    public async Task DemoRecipeRunsInProductionWhenForced()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        using var factory = new RawFactory(new()
        {
            ["ConnectionStrings:Default"] = database.ConnectionString,
            ["Setup:AdminPassword"] = SiteFactory.AdminPassword,
            ["Setup:Recipes:0"] = "demo",
            ["Setup:AllowDemoInProduction"] = "true",
        }, environment: "Production");
        using var client = factory.CreateClient();
        Assert.Contains("市城市管理局建议提案办理公开平台", await client.GetStringAsync("/"));
    }

    [Fact]
    public async Task WeakConfiguredAdministratorPasswordStopsTheStart()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        using var factory = new RawFactory(new()
        {
            ["ConnectionStrings:Default"] = database.ConnectionString,
            ["Setup:AdminPassword"] = "123",
        });
        var error = Assert.ThrowsAny<Exception>(() => factory.Server);
        Assert.Contains("Setup:AdminPassword", Flatten(error));
    }

    private static string Flatten(Exception e) => e.InnerException is null ? e.Message : e.Message + " | " + Flatten(e.InnerException);

    private sealed class RawFactory(Dictionary<string, string?> settings, string environment = "Development") : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment(environment);
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        }
    }
}
