using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Transparency.Core.Modules;
using Transparency.Core.Settings;

namespace Transparency.Web.Extensions;

/// <summary>The request pipeline: proxy headers, errors, culture, static assets, auth, endpoints.</summary>
internal static class PipelineExtensions
{
    public static WebApplication UseTransparency(this WebApplication app)
    {
        if (app.Configuration.GetValue<bool>("ReverseProxy:Enabled"))
        {
            app.UseForwardedHeaders();
        }

        app.UseExceptionHandler();
        app.UseStatusCodePages();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseRequestLocalization(CreateLocalizationOptions());
        app.MapStaticAssets().AllowAnonymous(); // theme CSS must load on public pages and the sign-in page
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();

        // Endpoint policies only (the invitation and feedback endpoints): after routing, so the endpoint is known.
        app.UseRateLimiter();

        // After localization (entries vary by the resolved culture) and authentication (signed-in users bypass the cache).
        app.UseOutputCache();

        app.MapHealthChecks("/health", new() { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new() { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        app.MapControllers();
        foreach (var module in app.Services.GetRequiredService<IReadOnlyList<ModuleDescriptor>>())
        {
            module.Startup!.MapEndpoints(app);
        }

        return app;
    }

    private static RequestLocalizationOptions CreateLocalizationOptions()
    {
        var cultures = SiteSettings.SupportedCultures.Select(c => new CultureInfo(c)).ToList();
        var options = new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(SiteSettings.SupportedCultures[0]),
            SupportedCultures = cultures,
            SupportedUICultures = cultures,
        };

        // A government site speaks its default language whatever the browser prefers: the visitor's
        // explicit choice (query string or cookie) wins, then the site's configured default culture.
        options.RequestCultureProviders =
        [
            new QueryStringRequestCultureProvider(),
            new CookieRequestCultureProvider(),
            new CustomRequestCultureProvider(async context =>
            {
                var settings = await context.RequestServices.GetRequiredService<ISiteSettingsStore>().GetAsync(context.RequestAborted);
                return new ProviderCultureResult(settings.DefaultCulture);
            }),
        ];
        return options;
    }
}
