using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Transparency.Core.Modules;
using Transparency.Core.Navigation;
using Transparency.Core.Search;
using Transparency.Core.Security;
using Transparency.Data;

namespace Transparency.Web.Extensions;

/// <summary>Composes the site's services from the kernel, the data layer and every enabled module.</summary>
internal static class ServiceExtensions
{
    public static WebApplicationBuilder AddTransparency(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        IConfiguration configuration = builder.Configuration;
        var modules = configuration.DiscoverModules();
        services.AddSingleton(modules);
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();

        services.AddTransparencyData(configuration, builder.Environment.ContentRootPath, modules);
        services.AddTransparencySecurity(modules);
        services.AddTransparencyWeb(modules);
        services.AddTransparencyOperations(configuration);

        foreach (var module in modules)
        {
            module.Startup!.ConfigureServices(services, configuration);
        }

        // Fallbacks for contracts whose implementing module may be disabled.
        services.TryAddScoped<IContentChangeLog, NullContentChangeLog>();
        services.TryAddScoped<Transparency.Core.Workflows.IWorkflowEvents, Transparency.Core.Workflows.NullWorkflowEvents>();
        return builder;
    }

    private static void AddTransparencyData(
        this IServiceCollection services, IConfiguration configuration, string contentRoot, IReadOnlyList<ModuleDescriptor> modules)
    {
        var (provider, connectionString) = DatabaseSetup.Resolve(configuration, contentRoot);
        services.AddSingleton(new DatabaseInfo(provider));
        services.AddSingleton(new ModelComposition(
            string.Join('|', modules.Select(m => m.Id)),
            modules.Select(m => (Action<ModelBuilder>)m.Startup!.ConfigureModel).ToList()));
        services.AddDbContext<TransparencyDbContext>(o => o.UseTransparencyDatabase(provider, connectionString));
        services.AddDataProtection()
            .SetApplicationName("Transparency")
            .PersistKeysToDbContext<TransparencyDbContext>();
    }

    private static void AddTransparencySecurity(this IServiceCollection services, IReadOnlyList<ModuleDescriptor> modules)
    {
        services.AddSingleton(new PermissionRegistry(modules.SelectMany(m => m.Startup!.GetPermissions())));
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationPolicyProvider, PermissionPolicyProvider>();
        services.AddScoped<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, PermissionAuthorizationHandler>();
        services.AddScoped<IPermissionService, PermissionService>();
        services.AddAuthorizationBuilder()
            // Secure by default: an endpoint is public only when it says [AllowAnonymous].
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());

        var menu = new AdminMenuBuilder();
        foreach (var module in modules)
        {
            menu.CurrentResourceType = module.Assembly!.SharedResourceType();
            module.Startup!.BuildAdminMenu(menu);
        }

        var items = menu.Items.ToList();
        services.AddScoped<IAdminMenu>(sp => new AdminMenu(items, sp.GetRequiredService<IPermissionService>()));
    }

    private static void AddTransparencyWeb(this IServiceCollection services, IReadOnlyList<ModuleDescriptor> modules)
    {
        services.AddLocalization();
        var mvc = services
            .AddControllersWithViews(o => o.Filters.Add(new AutoValidateAntiforgeryTokenAttribute()))
            .AddViewLocalization()
            // Display names and validation messages of a module's view models localize through that module's SharedResource.
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (type, factory) =>
                type.Assembly.SharedResourceType() is { } shared ? factory.Create(shared) : factory.Create(type));
        mvc.ConfigureApplicationPartManager(parts =>
        {
            // Modules are added explicitly so that a disabled module's controllers are not served.
            var enabled = modules.Select(m => m.Assembly!.GetName().Name).ToHashSet(StringComparer.Ordinal);
            var disabledModules = parts.ApplicationParts
                .Where(p => p is Microsoft.AspNetCore.Mvc.ApplicationParts.AssemblyPart ap
                    && ap.Assembly.GetCustomAttributes(typeof(ModuleAttribute), false).Length > 0
                    && !enabled.Contains(ap.Name))
                .ToList();
            foreach (var part in disabledModules)
            {
                parts.ApplicationParts.Remove(part);
            }
        });
        services.AddAntiforgery(o => o.Cookie.Name = "transparency.af");

        // Output cache (per node, in memory): modules attach policies to their public endpoints; nothing is cached by default.
        services.AddOutputCache();

        // Modules add their policies (e.g. Feedback's); the middleware needs the services even when no module does.
        services.AddRateLimiter(_ => { });

        // Razor encodes every non-ASCII character by default; Chinese pages should carry Chinese text.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
    }

    private static void AddTransparencyOperations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddProblemDetails();
        services.AddHealthChecks().AddDbContextCheck<TransparencyDbContext>("database", tags: ["ready"]);
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            foreach (var proxy in configuration.GetSection("ReverseProxy:KnownProxies").Get<string[]>() ?? [])
            {
                o.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            }

            foreach (var network in configuration.GetSection("ReverseProxy:KnownNetworks").Get<string[]>() ?? [])
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
    }
}

/// <summary>Which database the site runs on; for code that must differ per provider (locks).</summary>
internal sealed record DatabaseInfo(DatabaseProvider Provider);
