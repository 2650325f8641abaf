using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Transparency.Core.Search;
using Transparency.Integration.Tests.Infrastructure;
using Transparency.Integration.Tests.Replies;
using Transparency.Search.Services;
using static Transparency.Integration.Tests.Search.SearchSteps;

namespace Transparency.Integration.Tests.Search;

/// <summary>
/// Each node keeps its own index: a missing, corrupt or cursor-less index is rebuilt at start, a second node on the same
/// database finds what the first published, and observers hear every change.
/// </summary>
public abstract class SearchNodeTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : RepliesSite
{
    [Fact]
    public async Task AMissingIndexFolderIsRebuiltAtStart()
        => await RestartAfterAsync(path => Directory.Delete(path, recursive: true));

    [Fact]
    public async Task ACorruptIndexIsRebuiltAtStart()
        => await RestartAfterAsync(path =>
        {
            var segments = Directory.GetFiles(Path.Combine(path, "index"), "segments_*");
            Assert.NotEmpty(segments);
            foreach (var file in segments)
            {
                File.WriteAllText(file, "这不是 Lucene 索引 / not a Lucene index");
            }
        });

    [Fact]
    public async Task AnUnreadableCursorIsRebuiltAtStart()
        => await RestartAfterAsync(path => File.WriteAllText(Path.Combine(path, "cursor.json"), "{ garbage"));

    [Fact]
    public async Task AMissingCursorIsRebuiltAtStart()
        => await RestartAfterAsync(path => File.Delete(Path.Combine(path, "cursor.json")));

    [Fact]
    public async Task AnIndexWrittenWithAnOlderLayoutIsRebuiltAtStartAndItsHitsCarryTheDisplayFields()
        => await AfterAFirstNodeBuiltTheIndexAsync(async path =>
        {
            // A cursor file as versions before the layout was kept wrote it: no "layout".
            var cursorFile = Path.Combine(path, "cursor.json");
            var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(cursorFile))!.AsObject();
            Assert.Equal(IndexFields.Layout, (int)json["layout"]!);
            json.Remove("layout");
            File.WriteAllText(cursorFile, json.ToJsonString());

            await using var second = await RebuiltNodeAsync(path);
            Assert.Equal(IndexFields.Layout, IndexCursor.Read(cursorFile)!.Layout);

            var replies = await SearchAsync(second, Query(null));
            Assert.NotEmpty(replies.Hits);
            Assert.All(replies.Hits, h =>
            {
                Assert.False(string.IsNullOrEmpty(h.Fields.GetValueOrDefault(SearchDisplayFields.ProposalTitle)), $"reply {h.ContentId} has no proposal title");
                Assert.False(string.IsNullOrEmpty(h.Fields.GetValueOrDefault(SearchDisplayFields.AnsweringUnit)), $"reply {h.ContentId} has no unit");
                Assert.Contains(h.Fields.GetValueOrDefault(SearchDisplayFields.HandlingPart), new[] { "Lead", "Co", "Split" });
            });
        });

    [Fact]
    public async Task RebuildOnStartRebuildsAHealthyIndex()
        => await AfterAFirstNodeBuiltTheIndexAsync(async path =>
        {
            await using var second = await RebuiltNodeAsync(path, ("Search:RebuildOnStart", "true"));
        });

    /// <summary>Starts another node on <paramref name="path"/> and checks that it rebuilt the index at start.</summary>
    private async Task<SiteFactory> RebuiltNodeAsync(string path, params (string Key, string Value)[] settings)
    {
        var before = DateTime.UtcNow;
        var node = Node(path, settings);
        try
        {
            await CatchUpAsync(node);
            var status = await node.Services.GetRequiredService<IndexStatus>().ReportAsync();
            Assert.True(status.LastRebuildUtc >= before.AddSeconds(-1), $"last rebuild {status.LastRebuildUtc:O}, node started {before:O}");
            return node;
        }
        catch
        {
            await node.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts a node on a folder of its own until its index is built, stops it, then runs <paramref name="then"/> on the folder.</summary>
    private async Task AfterAFirstNodeBuiltTheIndexAsync(Func<string, Task> then)
    {
        var path = NewIndexPath();
        try
        {
            await using (var first = Node(path))
            {
                await CatchUpAsync(first);
            }

            await then(path);
        }
        finally
        {
            DeleteQuietly(path);
        }
    }

    [Fact]
    public async Task ContentPublishedOnOneNodeIsFoundOnAnotherWithinSeconds()
    {
        await using var nodeB = site.CreateSecondNode();
        await CatchUpAsync(nodeB);

        var replyId = await PublishedReplyAsync(site, "关于searchmarkernodeb的建议", "<p>searchmarkernodeb：两个节点共用一个数据库。</p>");
        var query = Query("searchmarkernodeb");
        await WaitForAsync(nodeB, query, r => Has(r, replyId), TimeSpan.FromSeconds(5), "node B did not find what node A published");

        await WithdrawAsync(site, replyId);
        await WaitForAsync(nodeB, query, r => r.Total == 0, TimeSpan.FromSeconds(5), "node B still found what node A unpublished");
    }

    [Fact]
    public async Task ObserversHearEachChangeAndAFailingOneStopsNothing()
    {
        var heard = new ConcurrentQueue<ContentChange>();
        await using var observed = site.CreateSecondNode().WithWebHostBuilder(b => b.ConfigureTestServices(services =>
        {
            services.AddSingleton<IContentChangeObserver>(new FailingObserver());
            services.AddSingleton<IContentChangeObserver>(new RecordingObserver(heard));
        }));
        await CatchUpAsync(observed);

        // The node started on an empty folder and rebuilt its index: observers hear that anything may have changed.
        await HeardAsync(heard, c => c.ContentType == PublicContentTypes.All);

        var replyId = await PublishedReplyAsync(site, "关于searchmarkerobserver的建议", "<p>searchmarkerobserver。</p>");
        await WaitForAsync(observed, Query("searchmarkerobserver"), r => Has(r, replyId), TimeSpan.FromSeconds(5), "the observed node did not index the reply");
        var id = replyId.ToString(CultureInfo.InvariantCulture);
        await HeardAsync(heard, c => c.ContentType == PublicContentTypes.Reply && c.ContentId == id && c.Kind == ContentChangeKind.Update);

        await WithdrawAsync(site, replyId);
        await WaitForAsync(observed, Query("searchmarkerobserver"), r => r.Total == 0, TimeSpan.FromSeconds(5), "the observed node kept the reply");
        await HeardAsync(heard, c => c.ContentId == id && c.Kind == ContentChangeKind.Delete);
        Assert.Equal(heard.OrderBy(c => c.Sequence).Select(c => c.Sequence), heard.Select(c => c.Sequence));
    }

    /// <summary>Observers are told right after the index commits, so a search may see the change a moment before they do.</summary>
    private static async Task HeardAsync(ConcurrentQueue<ContentChange> heard, Func<ContentChange, bool> change)
    {
        for (var i = 0; i < 200 && !heard.Any(change); i++)
        {
            await Task.Delay(25);
        }

        Assert.Contains(heard, c => change(c));
    }

    /// <summary>Starts a node on its own folder, stops it, damages the folder, starts again: the index is whole again.</summary>
    private async Task RestartAfterAsync(Action<string> damage)
    {
        var path = NewIndexPath();
        try
        {
            int expected, expectedText;
            await using (var first = Node(path))
            {
                await CatchUpAsync(first);
                expected = (await SearchAsync(first, Query(null))).Total;
                expectedText = (await SearchAsync(first, Query("建议"))).Total;
                Assert.True(expected >= 7, $"{expected} replies before the restart");
            }

            damage(path);
            await using var second = Node(path);
            await CatchUpAsync(second);
            Assert.Equal(expected, (await SearchAsync(second, Query(null))).Total);
            Assert.Equal(expectedText, (await SearchAsync(second, Query("建议"))).Total);
            var status = await second.Services.GetRequiredService<IndexStatus>().ReportAsync();
            Assert.NotNull(status.LastRebuildUtc);
            Assert.Equal(status.Head, status.Sequence);
            Assert.True(File.Exists(Path.Combine(path, "cursor.json")));
        }
        finally
        {
            DeleteQuietly(path);
        }
    }

    private SiteFactory Node(string indexPath, params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string?> { ["Search:IndexPath"] = indexPath };
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        var node = new SiteFactory(site.Database, settings);
        _ = node.Server;
        return node;
    }

    private static string NewIndexPath() => Path.Combine(Path.GetTempPath(), $"transparency-search-node-{Guid.NewGuid():N}");

    private static void DeleteQuietly(string path)
    {
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
    }

    private sealed class RecordingObserver(ConcurrentQueue<ContentChange> heard) : IContentChangeObserver
    {
        public Task OnChangedAsync(IReadOnlyList<ContentChange> changes, CancellationToken cancellationToken)
        {
            foreach (var change in changes)
            {
                heard.Enqueue(change);
            }

            return Task.CompletedTask;
        }
    }

    private sealed class FailingObserver : IContentChangeObserver
    {
        public Task OnChangedAsync(IReadOnlyList<ContentChange> changes, CancellationToken cancellationToken)
            => throw new InvalidOperationException("this observer always fails");
    }
}

public sealed class SearchNodeTestsOnSqlite(SearchSqliteSite site) : SearchNodeTests<SearchSqliteSite>(site);

public sealed class SearchNodeTestsOnPostgreSql(SearchPostgreSqlSite site) : SearchNodeTests<SearchPostgreSqlSite>(site);
