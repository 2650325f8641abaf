using System.Globalization;
using Microsoft.Net.Http.Headers;

namespace Transparency.Portal.Services;

/// <summary>
/// Last-Modified and ETag for the feed, the sitemap and the open-data files, both derived from when public content
/// last changed (<c>IPublishedContent.LastChangedUtcAsync</c>), and the 304 answer when the client already has it.
/// </summary>
public static class ConditionalGet
{
    /// <summary>Sets the validators; true when the request's If-None-Match / If-Modified-Since show it is unchanged.</summary>
    public static bool IsNotModified(HttpContext context, DateTime? lastChangedUtc, string variant)
    {
        if (lastChangedUtc is not { } changed)
        {
            return false;
        }

        // HTTP dates have whole seconds; compare at that precision.
        var lastModified = new DateTimeOffset(DateTime.SpecifyKind(changed, DateTimeKind.Utc)).ToUniversalTime();
        lastModified = lastModified.AddTicks(-(lastModified.Ticks % TimeSpan.TicksPerSecond));
        var etag = new EntityTagHeaderValue(
            $"\"{variant}-{changed.Ticks.ToString("x", CultureInfo.InvariantCulture)}\"");

        var response = context.Response.GetTypedHeaders();
        response.LastModified = lastModified;
        response.ETag = etag;
        response.CacheControl = new CacheControlHeaderValue { Public = true, MaxAge = TimeSpan.FromMinutes(5) };

        var request = context.Request.GetTypedHeaders();
        if (request.IfNoneMatch is { Count: > 0 } ifNoneMatch)
        {
            return ifNoneMatch.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(etag, useStrongComparison: false));
        }

        return request.IfModifiedSince is { } since && lastModified <= since;
    }
}
