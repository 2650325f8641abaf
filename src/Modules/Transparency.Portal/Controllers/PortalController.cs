using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Transparency.Portal.Services;
using Transparency.Portal.ViewModels;

namespace Transparency.Portal.Controllers;

/// <summary>What every public page controller shares: the themed 400 and 404 pages.</summary>
public abstract class PortalController : Controller
{
    /// <summary>The query string, checked; null with <paramref name="refusal"/> set when a parameter is bad.</summary>
    protected PublicQuery? ParseQuery(out IActionResult? refusal)
    {
        var query = PublicQuery.Parse(Request.Query, HttpContext.RequestServices.GetRequiredService<QueryMessages>(), out var errors);
        refusal = errors.Count > 0 ? BadRequestPage(errors) : null;
        return refusal is null ? query : null;
    }

    protected IActionResult BadRequestPage(IReadOnlyDictionary<string, string[]> errors)
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("PortalBadRequest", new BadRequestModel(errors));
    }

    protected IActionResult NotFoundPage()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return View("PortalNotFound");
    }
}
