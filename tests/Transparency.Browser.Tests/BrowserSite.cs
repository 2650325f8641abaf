using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Transparency.Browser.Tests;

/// <summary>
/// One site on a fresh SQLite file and one headless Chromium, shared by the tests of a class.
/// Uses the system's Chromium (<c>/usr/bin/chromium</c>, or <c>PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH</c>);
/// never downloads a browser. The site starts with the setup recipe only; a subclass such as
/// <see cref="DemoBrowserSite"/> adds settings (a recipe to run) through <see cref="Settings"/>.
/// </summary>
public class BrowserSite : IAsyncLifetime
{
    public const string ChromiumVariable = "PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH";

    private readonly string _databaseFile = Path.Combine(Path.GetTempPath(), $"transparency-browser-{Guid.NewGuid():N}.db");
    private KestrelSiteFactory? _factory;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>Where the site listens, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Fixture not initialized.");

    /// <summary>The site's services, e.g. to compute what a page should show.</summary>
    public IServiceProvider Services => _factory?.Services ?? throw new InvalidOperationException("Fixture not initialized.");

    /// <summary>Extra configuration of the site (none here).</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>();

    /// <summary>The repository's root folder (where Transparency.sln is), whatever the build's output folder.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary><c>&lt;repository&gt;/TestResults/screenshots</c>, whatever the build's output folder.</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(RepositoryRoot, "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        _factory = new KestrelSiteFactory(_databaseFile, Settings);
        _factory.StartServer(); // migrations and the setup recipe (and any recipe in Settings) run here
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        BaseAddress = addresses?.FirstOrDefault() is { } address ? new Uri(address) : _factory.ClientOptions.BaseAddress;

        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable(ChromiumVariable) is { Length: > 0 } path ? path : "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
            ],
        });
        Directory.CreateDirectory(ScreenshotFolder);
    }

    /// <summary>A new browser context (its own cookies) whose relative URLs resolve against the site.</summary>
    public Task<IBrowserContext> NewContextAsync() => Browser.NewContextAsync(new BrowserNewContextOptions
    {
        BaseURL = BaseAddress.ToString(),
        Locale = "zh-CN",
        ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
    });

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _databaseFile, $"{_databaseFile}-wal", $"{_databaseFile}-shm", $"{_databaseFile}-journal" })
        {
            File.Delete(file);
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Transparency.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No Transparency.sln above {AppContext.BaseDirectory}.");
    }
}
