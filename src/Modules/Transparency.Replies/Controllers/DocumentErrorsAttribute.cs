using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.DependencyInjection;
using Transparency.Replies.Services;

namespace Transparency.Replies.Controllers;

/// <summary>
/// Turns the document services' refusals into responses: not visible → 404; not allowed → 403 with the reason;
/// a broken rule on an action without its own form → 400 with the message and a way back. Nothing was saved in any case.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
public sealed class DocumentErrorsAttribute : ExceptionFilterAttribute
{
    public const string MessageView = "~/Views/Documents/Message.cshtml";

    public override void OnException(ExceptionContext context)
    {
        var (status, message) = context.Exception switch
        {
            DocumentNotFoundException => (StatusCodes.Status404NotFound, null),
            UnauthorizedAccessException denied => (StatusCodes.Status403Forbidden, denied.Message),
            DocumentRuleException rule => (StatusCodes.Status400BadRequest, rule.Message),
            _ => (0, null),
        };
        if (status == 0)
        {
            return;
        }

        if (message is null)
        {
            context.Result = new NotFoundResult();
        }
        else
        {
            var metadata = context.HttpContext.RequestServices.GetRequiredService<IModelMetadataProvider>();
            context.Result = new ViewResult
            {
                ViewName = MessageView,
                StatusCode = status,
                ViewData = new ViewDataDictionary<MessageModel>(metadata, new ModelStateDictionary())
                {
                    Model = new MessageModel(status == StatusCodes.Status403Forbidden ? "无权办理" : "操作未完成", message,
                        context.HttpContext.Request.Headers.Referer.ToString() is { Length: > 0 } back && Uri.TryCreate(back, UriKind.Absolute, out var uri)
                            ? uri.PathAndQuery
                            : "/admin/replies/inbox"),
                },
            };
        }

        context.ExceptionHandled = true;
    }
}

/// <summary>A refusal shown to the user: heading, reason, link back.</summary>
public sealed record MessageModel(string Heading, string Message, string BackUrl);
