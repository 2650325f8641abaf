using Microsoft.Playwright;

namespace Transparency.Browser.Tests;

/// <summary>A visitor reads the Chinese home page, then the administrator signs in and opens the roles page.</summary>
public sealed class AdministratorSignsInAndOpensTheRolesPage(BrowserSite site) : IClassFixture<BrowserSite>
{
    [Fact]
    public async Task And_sees_the_roles_created_by_the_setup_recipe()
    {
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync("/");
        Assert.Equal("zh-CN", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Contains("建议提案办理公开平台", await page.Locator("h1").First.InnerTextAsync(), StringComparison.Ordinal);
        await ScreenshotAsync(page, "home.png");

        page.Request += (_, r) => Console.WriteLine($"REQ {r.Method} {r.Url} {string.Join(" | ", r.Headers.Select(h => h.Key + "=" + h.Value))} BODY {r.PostData}");
        page.Response += (_, r) => Console.WriteLine($"RESP {r.Status} {r.Url} {string.Join(" | ", r.Headers.Select(h => h.Key + "=" + h.Value))}");
        await page.GotoAsync("/account/login");
        await page.GetByLabel("用户名").FillAsync(KestrelSiteFactory.AdminUser);
        await page.GetByLabel("密码").FillAsync(KestrelSiteFactory.AdminPassword);
        Assert.Equal("UserName", await page.GetByLabel("用户名").GetAttributeAsync("name"));
        Assert.Equal("Password", await page.GetByLabel("密码").GetAttributeAsync("name"));
        await ScreenshotAsync(page, "login.png");
        await page.Locator("form[action='/account/login'] button[type=submit]").ClickAsync();

        await Task.Delay(5000);
        Console.WriteLine("URL " + page.Url);
        await ScreenshotAsync(page, "debug.png");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/admin");
        Assert.Contains("工作台", await page.Locator("h1").First.InnerTextAsync(), StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Link, new() { Name = "角色与权限", Exact = true }).First.ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/admin/roles");
        Assert.Contains("角色与权限", await page.Locator("h1").First.InnerTextAsync(), StringComparison.Ordinal);
        var roleNames = await page.Locator("table tbody tr td:first-child").AllInnerTextsAsync();
        Assert.Contains("Administrator", roleNames);
        Assert.Contains("Coordinator", roleNames);
        await ScreenshotAsync(page, "roles-page.png");
    }

    private static async Task ScreenshotAsync(IPage page, string fileName)
    {
        var path = Path.Combine(BrowserSite.ScreenshotFolder, fileName);
        File.Delete(path);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        var file = new FileInfo(path);
        Assert.True(file.Exists && file.Length > 0, $"The screenshot {path} was not written.");
    }
}
