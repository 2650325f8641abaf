using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Transparency.Integration.Tests.Infrastructure;

namespace Transparency.Integration.Tests;

/// <summary>Reads the console, so it must not run beside other tests that start sites.</summary>
[CollectionDefinition(nameof(ConsoleCollection), DisableParallelization = true)]
public sealed class ConsoleCollection;

[Collection(nameof(ConsoleCollection))]
public sealed partial class AdministratorSeederTests
{
    [Fact]
    public async Task WithoutAConfiguredPasswordOneIsGeneratedPrintedOnceAndWorks()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        var original = Console.Out;
        using var captured = new StringWriter();
        string firstStart, secondStart;
        try
        {
            Console.SetOut(captured);
            await using (var first = new NoPasswordFactory(database))
            {
                _ = first.Server;
            }

            firstStart = captured.ToString();
            await using var second = new NoPasswordFactory(database);
            _ = second.Server;
            secondStart = captured.ToString()[firstStart.Length..];

            var password = PasswordLine().Match(firstStart).Groups[1].Value;
            Assert.Matches("^[A-Za-z0-9-]{16,}$", password);
            using var client = new SiteClient(second.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));
            Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync("admin", password)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/roles")).StatusCode);
        }
        finally
        {
            Console.SetOut(original);
        }

        Assert.DoesNotMatch(PasswordLine(), secondStart);
    }

    [GeneratedRegex(@"Password \(shown once\): (\S+)")]
    private static partial Regex PasswordLine();

    private sealed class NoPasswordFactory(TestDatabase database) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("ConnectionStrings:Default", database.ConnectionString);
            builder.UseSetting("Setup:AdminPassword", "");
        }
    }
}
