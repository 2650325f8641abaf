using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Transparency.Core.Publishing;

namespace Transparency.Browser.Tests;

/// <summary>
/// The public pages pass an automated WCAG 2.1 A/AA audit: axe-core (the npm package pinned in this project's
/// package.json, installed by scripts/test.sh) is injected by Playwright into the home page, the reply list, search
/// results, a reply, the statistics page and a handling summary, at 1280 px and at 375 px (a phone); every page must
/// have zero violations. Screenshots of each go to TestResults/screenshots/a11y-*.png.
/// </summary>
public sealed class AccessibilityTests(DemoBrowserSite site) : IClassFixture<DemoBrowserSite>
{
    private static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    private static string AxeScript => Path.Combine(BrowserSite.RepositoryRoot, "tests", "Transparency.Browser.Tests", "node_modules", "axe-core", "axe.min.js");

    [Fact]
    public async Task PublicPagesHaveNoWcag21AOrAAViolationsOnADesktopAndAPhone()
    {
        Assert.True(File.Exists(AxeScript), $"axe-core is not installed at {AxeScript}: run `npm ci` in tests/Transparency.Browser.Tests (scripts/test.sh does).");

        int replyId, summaryId;
        using (var scope = site.Services.CreateScope())
        {
            var content = scope.ServiceProvider.GetRequiredService<IPublishedContent>();
            replyId = (await content.LatestRepliesAsync(1)).Single().Id;
            summaryId = (await content.SummariesAsync())[0].Id;
        }

        var pages = new (string Name, string Url)[]
        {
            ("home", "/"),
            ("replies", "/replies"),
            ("search", "/replies?q=" + Uri.EscapeDataString("垃圾分类")),
            ("reply", "/replies/" + replyId.ToString(CultureInfo.InvariantCulture)),
            ("statistics", "/statistics"),
            ("summary", "/summaries/" + summaryId.ToString(CultureInfo.InvariantCulture)),
        };

        var report = new StringBuilder();
        foreach (var width in new[] { 1280, 375 })
        {
            await using var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions
            {
                BaseURL = site.BaseAddress.ToString(),
                Locale = "zh-CN",
                ViewportSize = new ViewportSize { Width = width, Height = width > 400 ? 800 : 740 },
                IsMobile = width <= 400,
                HasTouch = width <= 400,
            });
            var page = await context.NewPageAsync();
            foreach (var (name, url) in pages)
            {
                var response = await page.GotoAsync(url);
                Assert.True(response is { Ok: true }, $"{url} answered {response?.Status}");
                await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
                await page.ScreenshotAsync(new PageScreenshotOptions
                {
                    Path = Path.Combine(BrowserSite.ScreenshotFolder, $"a11y-{name}-{width}.png"),
                    FullPage = true,
                });

                await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = AxeScript });
                var json = await page.EvaluateAsync<string>(
                    "async tags => JSON.stringify((await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })).violations)",
                    Tags);
                using var violations = JsonDocument.Parse(json);
                foreach (var violation in violations.RootElement.EnumerateArray())
                {
                    report.Append(CultureInfo.InvariantCulture, $"{url} @{width}px: {violation.GetProperty("id").GetString()} ({violation.GetProperty("impact")}) — {violation.GetProperty("help").GetString()}\n");
                    foreach (var node in violation.GetProperty("nodes").EnumerateArray().Take(5))
                    {
                        report.Append(CultureInfo.InvariantCulture, $"    {node.GetProperty("target")}: {node.GetProperty("failureSummary").GetString()?.ReplaceLineEndings(" ")}\n");
                    }
                }
            }
        }

        Assert.True(report.Length == 0, "axe-core found WCAG 2.1 A/AA violations:\n" + report);
    }
}
