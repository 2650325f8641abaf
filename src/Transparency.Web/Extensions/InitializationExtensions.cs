using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Transparency.Core.Hosting;
using Transparency.Core.Recipes;
using Transparency.Data;

namespace Transparency.Web.Extensions;

/// <summary>
/// What happens once per start, before requests are served: migrations, the setup recipe (first start
/// only), the modules' start-up tasks and any recipes asked for on the command line or in configuration.
/// </summary>
internal static class InitializationExtensions
{
    // Any constant works; it only has to be the same on every node of a cluster.
    private const long StartupLockKey = 0x5452414E53504152;

    public static async Task InitializeTransparencyAsync(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<TransparencyDbContext>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Transparency.Startup");
        var provider = services.GetRequiredService<DatabaseInfo>().Provider;

        await db.Database.OpenConnectionAsync();
        try
        {
            if (provider == DatabaseProvider.PostgreSql)
            {
                // Several nodes may start together: one migrates and runs the setup recipe, the others wait.
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({StartupLockKey})");
            }

            await db.Database.MigrateAsync();
            await RunRecipesAsync(app, services, logger);

            // Create the first data-protection key here, under the start-up lock, rather than in the first requests:
            // two requests (or nodes) creating it at once could sign an antiforgery token with a key the other never
            // stored, and the first sign-in would fail with 400.
            services.GetRequiredService<IDataProtectionProvider>().CreateProtector("Transparency.Startup").Protect("key ring ready");
        }
        finally
        {
            if (provider == DatabaseProvider.PostgreSql)
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({StartupLockKey})");
            }

            await db.Database.CloseConnectionAsync();
        }

        app.Lifetime.ApplicationStarted.Register(() => PrintWelcome(app));
    }

    /// <summary>Tells whoever started the site where it is and how to sign in.</summary>
    private static void PrintWelcome(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()?.Addresses ?? [];
        if (addresses.Count == 0)
        {
            return; // in-memory test server
        }

        var admin = app.Configuration["Setup:AdminUser"] is { Length: > 0 } name ? name : "admin";
        Console.WriteLine();
        Console.WriteLine($" 网站地址 / Site:        {string.Join("  ", addresses)}");
        Console.WriteLine($" 管理后台 / Back office: {addresses.First().TrimEnd('/')}/admin");
        Console.WriteLine($" 管理员 / Administrator: {admin} — 密码见 Setup:AdminPassword，或首次启动时打印的初始密码");
        Console.WriteLine("                          (password: Setup:AdminPassword, or the one printed at first start)");
        Console.WriteLine();
    }

    private static async Task RunRecipesAsync(WebApplication app, IServiceProvider services, ILogger logger)
    {
        var configuration = app.Configuration;
        var executor = services.GetRequiredService<IRecipeExecutor>();
        var options = new RecipeRunOptions(AllowDemoInProduction: configuration.GetValue<bool>("Setup:AllowDemoInProduction"));
        var locator = new RecipeLocator(configuration);

        var setup = configuration["Setup:Recipe"] ?? "setup";
        if (await executor.ExecuteOnceAsync(locator.Find(setup), options))
        {
            logger.LogInformation("Setup recipe {Recipe} applied", setup);
        }

        foreach (var task in services.GetServices<IStartupTask>().OrderBy(t => t.Order))
        {
            await task.RunAsync(CancellationToken.None);
        }

        foreach (var name in locator.Requested())
        {
            if (await executor.ExecuteOnceAsync(locator.Find(name), options))
            {
                logger.LogInformation("Recipe {Recipe} applied", name);
            }
        }
    }
}
