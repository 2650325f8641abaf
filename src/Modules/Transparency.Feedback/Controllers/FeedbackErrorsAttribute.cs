using Microsoft.AspNetCore.Mvc;
using Transparency.Core.Hosting;
using Transparency.Feedback.Services;

namespace Transparency.Feedback.Controllers;

/// <summary>
/// Turns the feedback services' refusals into answers: not found (or someone else's) → 404; not allowed → 403 with the
/// reason; a broken rule → 400 with the message. Nothing was saved in any case.
/// </summary>
public sealed class FeedbackErrorsAttribute : RefusalFilterAttribute
{
    public const string MessageView = "~/Views/FeedbackMessages/Message.cshtml";

    protected override IActionResult? ResultFor(Exception exception, HttpContext http) => exception switch
    {
        FeedbackNotFoundException => Message(http, StatusCodes.Status404NotFound, "未找到", "您要查看的内容不存在，或您无权查看。"),
        UnauthorizedAccessException denied => Message(http, StatusCodes.Status403Forbidden, "无权操作", denied.Message),
        FeedbackRuleException rule => Message(http, StatusCodes.Status400BadRequest, "操作未完成", rule.Message),
        _ => null,
    };

    public static ViewResult Message(HttpContext http, int status, string heading, string message)
        => View(http, MessageView, status, new FeedbackMessage(heading, message));
}

/// <summary>A refusal or a notice shown to the user.</summary>
public sealed record FeedbackMessage(string Heading, string Message);
