using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.DependencyInjection;

namespace Transparency.Core.Hosting;

/// <summary>
/// Base of a module's exception filter that turns its services' refusals (not found or out of scope, not allowed, a
/// broken rule) into responses. The module maps its own exceptions to status codes and views in <see cref="ResultFor"/>;
/// any other exception passes on to the site's error handling. A service refuses before it writes, so nothing needs
/// undoing here.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
public abstract class RefusalFilterAttribute : ExceptionFilterAttribute
{
    /// <inheritdoc />
    public sealed override void OnException(ExceptionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (ResultFor(context.Exception, context.HttpContext) is { } result)
        {
            context.Result = result;
            context.ExceptionHandled = true;
        }
    }

    /// <summary>The response to <paramref name="exception"/>, or null when it is not a refusal this module knows.</summary>
    protected abstract IActionResult? ResultFor(Exception exception, HttpContext http);

    /// <summary>A view with its model and status code, made outside a controller.</summary>
    public static ViewResult View<TModel>(HttpContext http, string viewName, int statusCode, TModel model)
    {
        ArgumentNullException.ThrowIfNull(http);
        return new ViewResult
        {
            ViewName = viewName,
            StatusCode = statusCode,
            ViewData = new ViewDataDictionary<TModel>(http.RequestServices.GetRequiredService<IModelMetadataProvider>(), new ModelStateDictionary())
            {
                Model = model,
            },
        };
    }
}
