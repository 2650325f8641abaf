using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.DependencyInjection;
using Transparency.Feedback.Services;

namespace Transparency.Feedback.Controllers;

/// <summary>
/// Turns the feedback services' refusals into answers: not found (or someone else's) → 404; not allowed → 403 with the
/// reason; a broken rule → 400 with the message. Nothing was saved in any case.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
public sealed class FeedbackErrorsAttribute : ExceptionFilterAttribute
{
    public const string MessageView = "~/Views/FeedbackMessages/Message.cshtml";

    public override void OnException(ExceptionContext context)
    {
        var (status, heading, message) = context.Exception switch
        {
            FeedbackNotFoundException => (StatusCodes.Status404NotFound, "未找到", "您要查看的内容不存在，或您无权查看。"),
            UnauthorizedAccessException denied => (StatusCodes.Status403Forbidden, "无权操作", denied.Message),
            FeedbackRuleException rule => (StatusCodes.Status400BadRequest, "操作未完成", rule.Message),
            _ => (0, "", ""),
        };
        if (status == 0)
        {
            return;
        }

        context.Result = Message(context.HttpContext, status, heading, message);
        context.ExceptionHandled = true;
    }

    public static ViewResult Message(HttpContext http, int status, string heading, string message)
    {
        var metadata = http.RequestServices.GetRequiredService<IModelMetadataProvider>();
        return new ViewResult
        {
            ViewName = MessageView,
            StatusCode = status,
            ViewData = new ViewDataDictionary<FeedbackMessage>(metadata, new ModelStateDictionary())
            {
                Model = new FeedbackMessage(heading, message),
            },
        };
    }
}

/// <summary>A refusal or a notice shown to the user.</summary>
public sealed record FeedbackMessage(string Heading, string Message);
