using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.DependencyInjection;
using Transparency.Proposals.Services;

namespace Transparency.Proposals.Controllers;

/// <summary>
/// Turns the handling services' refusals into responses: a proposal outside the user's scope → 404 (indistinguishable
/// from a missing one); an action for a unit the user does not belong to, or without the permission → 403 with the reason.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
public sealed class HandlingErrorsAttribute : ExceptionFilterAttribute
{
    public const string DeniedView = "~/Views/Handling/Denied.cshtml";

    public override void OnException(ExceptionContext context)
    {
        switch (context.Exception)
        {
            case ProposalNotVisibleException:
                context.Result = new NotFoundResult();
                context.ExceptionHandled = true;
                break;
            case UnauthorizedAccessException denied:
                var metadata = context.HttpContext.RequestServices.GetRequiredService<IModelMetadataProvider>();
                context.Result = new ViewResult
                {
                    ViewName = DeniedView,
                    StatusCode = StatusCodes.Status403Forbidden,
                    ViewData = new ViewDataDictionary<string>(metadata, new ModelStateDictionary()) { Model = denied.Message },
                };
                context.ExceptionHandled = true;
                break;
        }
    }
}
