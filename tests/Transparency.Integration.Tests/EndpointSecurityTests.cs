using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Transparency.Core.Security;
using Transparency.Integration.Tests.Infrastructure;

namespace Transparency.Integration.Tests;

public sealed class EndpointSecurityTests(SqliteSite site) : IClassFixture<SqliteSite>
{
    [Fact]
    public void EveryEndpointIsEitherPublicOnPurposeOrRequiresAPermissionOrASignIn()
    {
        var fallback = site.Factory.Services.GetRequiredService<IOptions<AuthorizationOptions>>().Value.FallbackPolicy;
        Assert.NotNull(fallback); // an endpoint that says nothing requires a signed-in user

        var endpoints = site.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        Assert.NotEmpty(endpoints);
        var publicOnPurpose = new List<string>();
        foreach (var endpoint in endpoints)
        {
            var pattern = endpoint.RoutePattern.RawText ?? "";
            if (pattern.StartsWith("_content/", StringComparison.Ordinal))
            {
                // Themes' and modules' static files (incl. a shipped library's licence): public, and nothing but files.
                Assert.Matches(@"(\.(css|js|png|svg|ico|woff2?|gz|br)|LICENSE[^/]*\.txt)$", pattern);
                continue;
            }

            if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            {
                publicOnPurpose.Add(endpoint.RoutePattern.RawText ?? "");
            }
        }

        // Public endpoints are exactly these; a new one must be added here deliberately.
        Assert.Equal(
            [
                "", "/api/openapi/{documentName}.json", "/api/v1/replies", "/api/v1/replies/{id:int}", "/api/v1/statistics",
                "/api/v1/summaries", "/api/v1/summaries/{id:int}", "/health", "/health/ready", "account/denied", "account/login",
                "account/login", "culture", "feed.xml", "feedback/invitation/{token}", "feedback/invitation/{token}", "open-data", "open-data/replies.csv", "open-data/replies.json", "pages/{slug}", "replies",
                "replies/{id:int}", "replies/{id:int}/attachments/{attachmentId:int}", "robots.txt", "search", "sitemap.xml",
                "statistics", "summaries", "summaries/{id:int}",
            ],
            publicOnPurpose.Select(p => p == "/" ? "" : p).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EveryAdminEndpointRequiresADeclaredPermission()
    {
        var registry = site.Factory.Services.GetRequiredService<PermissionRegistry>();
        var endpoints = site.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => (e.RoutePattern.RawText ?? "").StartsWith("admin", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(endpoints);
        foreach (var endpoint in endpoints)
        {
            var permissions = endpoint.Metadata.OfType<RequirePermissionAttribute>().ToList();
            Assert.True(permissions.Count > 0, $"{endpoint.RoutePattern.RawText} requires no permission");
            Assert.All(permissions, p => Assert.True(registry.Contains(p.Permission), p.Permission));
        }
    }
}
