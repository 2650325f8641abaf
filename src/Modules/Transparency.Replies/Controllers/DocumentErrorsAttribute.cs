using Microsoft.AspNetCore.Mvc;
using Transparency.Core.Hosting;
using Transparency.Replies.Services;

namespace Transparency.Replies.Controllers;

/// <summary>
/// Turns the document services' refusals into responses: not visible → 404; not allowed → 403 with the reason;
/// a broken rule on an action without its own form → 400 with the message and a way back. Nothing was saved in any case.
/// </summary>
public sealed class DocumentErrorsAttribute : RefusalFilterAttribute
{
    public const string MessageView = "~/Views/Documents/Message.cshtml";

    protected override IActionResult? ResultFor(Exception exception, HttpContext http) => exception switch
    {
        DocumentNotFoundException => new NotFoundResult(),
        UnauthorizedAccessException denied => Message(http, StatusCodes.Status403Forbidden, "无权办理", denied.Message),
        DocumentRuleException rule => Message(http, StatusCodes.Status400BadRequest, "操作未完成", rule.Message),
        _ => null,
    };

    /// <summary>The message page, with a link back to the page the user came from (or the inbox).</summary>
    private static ViewResult Message(HttpContext http, int status, string heading, string message)
        => View(http, MessageView, status, new MessageModel(heading, message,
            http.Request.Headers.Referer.ToString() is { Length: > 0 } back && Uri.TryCreate(back, UriKind.Absolute, out var uri)
                ? uri.PathAndQuery
                : "/admin/replies/inbox"));
}

/// <summary>A refusal shown to the user: heading, reason, link back.</summary>
public sealed record MessageModel(string Heading, string Message, string BackUrl);
