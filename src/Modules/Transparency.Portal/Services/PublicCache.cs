using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using Transparency.Core.Search;

namespace Transparency.Portal.Services;

/// <summary>
/// Output caching of the public pages, feeds, open data and API. Entries vary by the whole query string and by the
/// request's UI culture (query string, cookie or the site default, as localization resolved it), and carry tags that
/// <see cref="PublicCacheEviction"/> evicts when content changes. The framework's default policy underneath caches
/// only anonymous GET/HEAD 200 answers that set no cookie, so signed-in staff always get fresh pages.
/// </summary>
public static class PublicCache
{
    /// <summary>Pages whose content changes only through the content-change log.</summary>
    public const string Policy = "Public";

    /// <summary>Figures computed from handling records (sent, consulted), which change without a log entry: short life.</summary>
    public const string FiguresPolicy = "PublicFigures";

    public const string PublicTag = "public";
    public const string RepliesTag = "replies";
    public const string SummariesTag = "summaries";
    public const string PagesTag = "pages";
    public const string StatisticsTag = "statistics";

    public static string ReplyTag(int id) => ReplyTag(id.ToString(CultureInfo.InvariantCulture));

    public static string ReplyTag(string id) => "reply:" + id;

    public static string SummaryTag(string id) => "summary:" + id;

    public static string PageTag(string slug) => "page:" + slug;

    public static readonly TimeSpan ContentLifetime = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan FiguresLifetime = TimeSpan.FromMinutes(5);

    public static void AddPublicOutputCache(this IServiceCollection services) => services.AddOutputCache(options =>
    {
        options.AddPolicy(Policy, b => Public(b, ContentLifetime));
        options.AddPolicy(FiguresPolicy, b => Public(b, FiguresLifetime, StatisticsTag));
    });

    /// <summary>The public policy for a minimal-API endpoint, with its tags.</summary>
    public static Action<OutputCachePolicyBuilder> For(params string[] tags) => b => Public(b, ContentLifetime, tags);

    /// <summary>The figures policy (short life) for a minimal-API endpoint.</summary>
    public static Action<OutputCachePolicyBuilder> ForFigures() => b => Public(b, FiguresLifetime, StatisticsTag);

    /// <summary>Adds a tag to the entry the current response will be stored under (e.g. <c>reply:12</c>).</summary>
    public static void Tag(HttpContext context, params string[] tags)
    {
        if (context.Features.Get<IOutputCacheFeature>() is { } feature)
        {
            foreach (var tag in tags)
            {
                feature.Context.Tags.Add(tag);
            }
        }
    }

    private static OutputCachePolicyBuilder Public(OutputCachePolicyBuilder builder, TimeSpan lifetime, params string[] tags) => builder
        .SetVaryByQuery("*")
        .VaryByValue(_ => new KeyValuePair<string, string>("culture", CultureInfo.CurrentUICulture.Name))
        .VaryByValue(context => new KeyValuePair<string, string>(
            "generation", context.RequestServices.GetRequiredService<PublicCacheGeneration>().Current.ToString(CultureInfo.InvariantCulture)))
        .Expire(lifetime)
        .Tag([PublicTag, .. tags]);
}

/// <summary>
/// A number that is part of every public cache key and moves on with each content change. A request that began before a
/// change, read the old index and stores its answer after the eviction stores it under the old number, where no later
/// request looks: without it such a late answer would be served, stale, until it expires. Eviction by tag then only frees
/// the memory of entries that can no longer be reached.
/// </summary>
public sealed class PublicCacheGeneration
{
    private long _current;

    public long Current => Interlocked.Read(ref _current);

    public void Advance() => Interlocked.Increment(ref _current);
}

/// <summary>
/// Evicts this node's cached public pages when the content-change log reports a change (called by the search module's
/// worker on every node after its index took the batch, so a page rebuilt right after sees the index as it now is).
/// </summary>
public sealed class PublicCacheEviction(IOutputCacheStore store, PublicCacheGeneration generation) : IContentChangeObserver
{
    public async Task OnChangedAsync(IReadOnlyList<ContentChange> changes, CancellationToken cancellationToken)
    {
        generation.Advance();
        var tags = new HashSet<string>(StringComparer.Ordinal);
        foreach (var change in changes)
        {
            foreach (var tag in TagsOf(change))
            {
                tags.Add(tag);
            }
        }

        foreach (var tag in tags)
        {
            await store.EvictByTagAsync(tag, cancellationToken);
        }
    }

    /// <summary>What a change makes stale: the item's own pages, and every list, feed and file it may appear in.</summary>
    public static IEnumerable<string> TagsOf(ContentChange change) => change.ContentType switch
    {
        PublicContentTypes.Reply => [PublicCache.ReplyTag(change.ContentId), PublicCache.RepliesTag],
        PublicContentTypes.Summary => [PublicCache.SummaryTag(change.ContentId), PublicCache.SummariesTag],
        PublicContentTypes.Page => [PublicCache.PageTag(change.ContentId), PublicCache.PagesTag],
        _ => [PublicCache.PublicTag],
    };
}
