using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Transparency.Core.Settings;

namespace Transparency.Portal.Controllers;

/// <summary>
/// Remembers the visitor's language in a cookie. A GET behind a plain link (no form, so no antiforgery token and no
/// token cookie on the output-cached public pages): it changes nothing but the visitor's own language cookie.
/// </summary>
[AllowAnonymous]
public sealed class CultureController : Controller
{
    [HttpGet("/culture")]
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
