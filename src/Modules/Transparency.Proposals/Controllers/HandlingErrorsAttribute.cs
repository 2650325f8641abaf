using Microsoft.AspNetCore.Mvc;
using Transparency.Core.Hosting;
using Transparency.Proposals.Services;

namespace Transparency.Proposals.Controllers;

/// <summary>
/// Turns the handling services' refusals into responses: a proposal outside the user's scope → 404 (indistinguishable
/// from a missing one); an action for a unit the user does not belong to, or without the permission → 403 with the reason.
/// </summary>
public sealed class HandlingErrorsAttribute : RefusalFilterAttribute
{
    public const string DeniedView = "~/Views/Handling/Denied.cshtml";

    protected override IActionResult? ResultFor(Exception exception, HttpContext http) => exception switch
    {
        ProposalNotVisibleException => new NotFoundResult(),
        UnauthorizedAccessException denied => View(http, DeniedView, StatusCodes.Status403Forbidden, denied.Message),
        _ => null,
    };
}
