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
        try
        {
            await page.GotoAsync("/");
            Assert.Equal("zh-CN", await page.Locator("html").GetAttributeAsync("lang"));
            Assert.Contains("建议提案办理公开平台", await page.Locator("h1").First.InnerTextAsync(), StringComparison.Ordinal);
            await ScreenshotAsync(page, "home.png");

            await page.GotoAsync("/account/login");
            var userName = page.GetByLabel("用户名");
            var password = page.GetByLabel("密码");
            Assert.Equal("UserName", await userName.GetAttributeAsync("name"));
            Assert.Equal("Password", await password.GetAttributeAsync("name"));
            await userName.FillAsync(KestrelSiteFactory.AdminUser);
            await password.FillAsync(KestrelSiteFactory.AdminPassword);
            await ScreenshotAsync(page, "login.png");
            await page.Locator("form[action='/account/login'] button[type=submit]").ClickAsync();

            // Expect(...).ToHaveURLAsync polls the URL; WaitForURLAsync can miss a navigation that already
            // finished (microsoft/playwright-dotnet#3364) and time out.
            await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/admin$"), new() { Timeout = 30_000 });
            Assert.Contains("工作台", await page.Locator("h1").First.InnerTextAsync(), StringComparison.Ordinal);

            await page.GetByRole(AriaRole.Link, new() { Name = "角色与权限", Exact = true }).First.ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/admin/roles$"), new() { Timeout = 30_000 });
            Assert.Contains("角色与权限", await page.Locator("h1").First.InnerTextAsync(), StringComparison.Ordinal);
            var roleNames = await page.Locator("table tbody tr td:first-child").AllInnerTextsAsync();
            Assert.Contains("Administrator", roleNames);
            Assert.Contains("Coordinator", roleNames);
            await ScreenshotAsync(page, "roles-page.png");
        }
        catch
        {
            // Whatever the page showed when the test failed (an error page, a validation message) is the best clue.
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSite.ScreenshotFolder, "failure.png"), FullPage = true });
            throw;
        }
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
