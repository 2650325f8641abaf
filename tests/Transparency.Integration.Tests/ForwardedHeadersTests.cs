using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Transparency.Integration.Tests.Infrastructure;

namespace Transparency.Integration.Tests;

public sealed class ForwardedHeadersTests
{
    [Theory]
    [InlineData(true, "https://transparency.example.gov.cn/account/login")]
    [InlineData(false, "http://localhost/account/login")]
    public async Task ProxyHeadersAreHonouredOnlyWhenEnabled(bool enabled, string expectedLoginUrl)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        await using var factory = new ProxiedFactory(database, enabled);
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-Host", "transparency.example.gov.cn");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(expectedLoginUrl, response.Headers.Location!.AbsoluteUri);
    }

    /// <summary>The in-memory server has no peer address; this one looks like a request from a proxy on loopback.</summary>
    private sealed class ProxiedFactory(TestDatabase database, bool enabled) : Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("ConnectionStrings:Default", database.ConnectionString);
            builder.UseSetting("Setup:AdminPassword", SiteFactory.AdminPassword);
            builder.UseSetting("ReverseProxy:Enabled", enabled ? "true" : "false");
            builder.ConfigureServices(s => s.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, LoopbackPeer>());
        }
    }

    private sealed class LoopbackPeer : Microsoft.AspNetCore.Hosting.IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Loopback;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
