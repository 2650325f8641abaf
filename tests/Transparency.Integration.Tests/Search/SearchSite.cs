using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Transparency.Core.Search;
using Microsoft.AspNetCore.Mvc.Testing;
using Transparency.Integration.Tests.Infrastructure;
using Transparency.Integration.Tests.Replies;
using Transparency.Search.Services;

namespace Transparency.Integration.Tests.Search;

/// <summary>The demo site (its 7 published replies and the 2020 summary) with the Replies tests' world, for the search tests.</summary>
public sealed class SearchSqliteSite() : RepliesSite(DatabaseKind.Sqlite);

/// <summary>The same on PostgreSQL.</summary>
public sealed class SearchPostgreSqlSite() : RepliesSite(DatabaseKind.PostgreSql);

/// <summary>What the search tests do over and over: publish a reply, search a node, wait for a node's index.</summary>
public static class SearchSteps
{
    /// <summary>How long publishing may take to reach search on the node that published (issue 5: 2 s).</summary>
    public static readonly TimeSpan PublishingNodeLimit = TimeSpan.FromSeconds(2);

    public static SearchQuery Query(string? text, params (string Field, string Value)[] filters)
        => new(text, filters.ToDictionary(f => f.Field, f => f.Value)) { ContentType = PublicContentTypes.Reply };

    public static async Task<SearchResults> SearchAsync(WebApplicationFactory<Program> node, SearchQuery query)
    {
        using var scope = node.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ISearchService>().SearchAsync(query);
    }

    public static Task<SearchResults> SearchAsync(WebApplicationFactory<Program> node, string? text) => SearchAsync(node, Query(text));

    /// <summary>Waits until the node's index has taken every change committed so far (test use only).</summary>
    public static Task CatchUpAsync(WebApplicationFactory<Program> node, int seconds = 60)
        => node.Services.GetRequiredService<IndexStatus>().CatchUpAsync(TimeSpan.FromSeconds(seconds));

    /// <summary>Polls the node's search until <paramref name="done"/> holds; returns how long it took, or fails after <paramref name="limit"/>.</summary>
    public static async Task<TimeSpan> WaitForAsync(WebApplicationFactory<Program> node, SearchQuery query, Func<SearchResults, bool> done, TimeSpan limit, string what)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            if (done(await SearchAsync(node, query)))
            {
                return clock.Elapsed;
            }

            if (clock.Elapsed > limit)
            {
                Assert.Fail($"{what}: not within {limit.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s");
            }

            await Task.Delay(25);
        }
    }

    public static bool Has(SearchResults results, int replyId)
        => results.Hits.Any(h => h.ContentType == PublicContentTypes.Reply && h.ContentId == replyId.ToString(CultureInfo.InvariantCulture));

    /// <summary>A fresh reply, approved, sent and published over HTTP; returns its id.</summary>
    public static async Task<int> PublishedReplyAsync(RepliesSite site, string title, string publicHtml)
    {
        var (_, replyId) = await SentReplyAsync(site, title, publicHtml);
        await PublishAsync(site, replyId);
        return replyId;
    }

    public static Task<(int ProposalId, int ReplyId)> SentReplyAsync(RepliesSite site, string title, string publicHtml)
        => site.ApprovedReplyAsync(publicHtml, send: true, title: title);

    public static async Task PublishAsync(RepliesSite site, int replyId)
    {
        using var coordinator = await site.SignInAsync("coordinator");
        var page = $"/admin/replies/{replyId}/publish";
        await RepliesSite.PostOkAsync(coordinator, page, page, [new("comment", "公开。")]);
    }

    /// <summary>不予公开 (a sent reply) or 撤回公开 (a published one).</summary>
    public static async Task WithdrawAsync(RepliesSite site, int replyId)
    {
        using var coordinator = await site.SignInAsync("coordinator");
        await RepliesSite.PostOkAsync(coordinator, $"/admin/replies/{replyId}/publish", $"/admin/replies/{replyId}/withdraw", [new("reason", "其他"), new("otherReason", "测试撤回。")]);
    }
}
