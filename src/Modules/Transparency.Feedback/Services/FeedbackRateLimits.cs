using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Transparency.Feedback.Services;

/// <summary>
/// The rate limit of the invitation and feedback endpoints (ASP.NET Core's rate limiter): per client address and per
/// address path (so per link), <c>Feedback:RatePermits</c> requests per <c>Feedback:RateWindowSeconds</c>; beyond it 429.
/// </summary>
public static class FeedbackRateLimits
{
    public const string Policy = "feedback";

    public static void Add(RateLimiterOptions options)
    {
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.OnRejected = async (context, cancellationToken) =>
        {
            context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
            await context.HttpContext.Response.WriteAsync("请求过于频繁，请稍后再试。", cancellationToken);
        };
        options.AddPolicy(Policy, http =>
        {
            var settings = http.RequestServices.GetRequiredService<IOptions<FeedbackOptions>>().Value;
            var key = $"{http.Connection.RemoteIpAddress}|{http.Request.Path}";
            return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = Math.Max(1, settings.RatePermits),
                Window = TimeSpan.FromSeconds(Math.Max(1, settings.RateWindowSeconds)),
                QueueLimit = 0,
            });
        });
    }
}
