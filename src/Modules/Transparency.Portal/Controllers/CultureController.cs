using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Transparency.Core.Settings;

namespace Transparency.Portal.Controllers;

/// <summary>
/// Remembers the visitor's language in a cookie. No antiforgery token: the form sits on output-cached public pages, where
/// a token (and its cookie) would be shared between visitors; a forged language choice harms nobody.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class CultureController : Controller
{
    [HttpPost("/culture")]
    public IActionResult Set(string culture, string? returnUrl)
    {
        if (!SiteSettings.SupportedCultures.Contains(culture))
        {
            return BadRequest($"Unsupported culture '{culture}'. Use one of: {string.Join(", ", SiteSettings.SupportedCultures)}.");
        }

        Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
