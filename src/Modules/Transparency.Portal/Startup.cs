using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using Transparency.Core.Modules;
using Transparency.Core.Navigation;
using Transparency.Core.Search;
using Transparency.Core.Security;
using Transparency.Portal.Apis;
using Transparency.Portal.Services;

namespace Transparency.Portal;

/// <summary>The public site: pages, feeds, open data, the read-only API and its OpenAPI document, the output cache's policies.</summary>
public sealed class Startup : ModuleStartup
{
    public const string OpenApiRoute = "/api/openapi/{documentName}.json";

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<QueryMessages>();
        services.AddScoped<InfoPages>();
        services.AddScoped<ISearchDocumentSource, InfoPageSearchSource>();
        services.AddScoped<PublicFigures>();
        services.AddScoped<ReplyTimeline>();
        services.AddSingleton<PublicCacheGeneration>();
        services.AddSingleton<IContentChangeObserver, PublicCacheEviction>();
        services.AddPublicOutputCache();

        // The API speaks like the open-data files: snake_case names, Chinese unescaped. (Only minimal APIs read these options.)
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            o.SerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        });
        services.AddOpenApi("v1", o =>
        {
            o.ShouldInclude = d => d.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true;
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "建议提案办理公开平台 API",
                    Version = "v1",
                    Description = "Read-only, anonymous access to what the site publishes: replies to deputies' suggestions and CPPCC "
                        + "members' proposals, handling summaries and handling statistics. Nothing unpublished is ever returned.",
                };
                return Task.CompletedTask;
            });
        });
    }

    public override IEnumerable<Permission> GetPermissions() => PortalPermissions.All;

    public override void BuildAdminMenu(AdminMenuBuilder menu)
        => menu.Add("系统管理", "信息公开页面", "/admin/pages", PortalPermissions.ManagePages, order: 85);

    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPublicApi();
        endpoints.MapOpenApi(OpenApiRoute).AllowAnonymous().CacheOutput(PublicCache.For());
    }
}
