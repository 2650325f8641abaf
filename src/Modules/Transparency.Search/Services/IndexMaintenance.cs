using System.Threading.Channels;
using Lucene.Net.Index;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Transparency.Core.Search;
using Transparency.Data;
using Transparency.Search.Models;

namespace Transparency.Search.Services;

/// <summary>
/// Keeps this node's index in step with the content-change log. Only the indexing worker calls
/// <see cref="RunOnceAsync"/>, so batches and rebuilds never overlap. A batch: read entries past the cursor, re-read each
/// changed item through its <see cref="ISearchDocumentSource"/> (null = not published = delete), commit Lucene, then
/// the cursor, then tell the <see cref="IContentChangeObserver"/>s.
/// </summary>
public sealed class IndexMaintenance(
    SearchIndex index,
    SearchOptions options,
    IndexingSignal signal,
    IServiceScopeFactory scopes,
    TimeProvider clock,
    ILogger<IndexMaintenance> logger)
{
    /// <summary>How far back below a new entry holes in the sequence are watched.</summary>
    private const int GapWindow = 100;

    private IndexCursor _cursor = new(0, [], null);
    private volatile string? _rebuildReason;
    private volatile bool _rebuilding;

    /// <summary>The last log sequence this node's index has taken.</summary>
    public long Sequence => Interlocked.Read(ref _sequence);

    private long _sequence;

    public DateTime? LastRebuildUtc => _cursor.LastRebuildUtc;

    /// <summary>True while a rebuild is asked for or running.</summary>
    public bool RebuildPending => _rebuildReason is not null || _rebuilding;

    public string? LastError { get; private set; }

    /// <summary>Opens the index and reads the cursor; asks for a rebuild when either is missing or unreadable.</summary>
    public void Start()
    {
        var problem = index.Open();
        var cursor = IndexCursor.Read(options.CursorFile);
        if (problem is not null)
        {
            RequestRebuild($"index {problem}");
        }
        else if (cursor is null)
        {
            RequestRebuild("cursor file missing or unreadable");
        }
        else if (cursor.Layout != IndexFields.Layout)
        {
            SetCursor(cursor); // searched as it is until the rebuild commits
            RequestRebuild($"index layout {cursor.Layout}, this version writes layout {IndexFields.Layout}");
        }
        else
        {
            SetCursor(cursor);
        }

        if (options.RebuildOnStart)
        {
            RequestRebuild("asked for at start (Search:RebuildOnStart / --rebuild-index)");
        }
    }

    public void RequestRebuild(string reason)
    {
        _rebuildReason = reason;
        signal.Nudge();
    }

    /// <summary>Does one step of work; true when more entries are waiting.</summary>
    public async Task<bool> RunOnceAsync(CancellationToken cancellationToken)
    {
        if (!index.IsOpen)
        {
            Start();
        }

        try
        {
            bool more;
            if (_rebuildReason is { } reason)
            {
                await RebuildAsync(reason, cancellationToken);
                more = true;
            }
            else
            {
                more = await ProcessBatchAsync(cancellationToken);
            }

            LastError = null;
            return more;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LastError = $"{clock.GetUtcNow():yyyy-MM-dd HH:mm:ss} UTC {e.GetType().Name}: {e.Message}";
            throw;
        }
    }

    private async Task<bool> ProcessBatchAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TransparencyDbContext>();
        var cursor = _cursor;
        var gapIds = cursor.Gaps.Select(g => g.Sequence).ToList();
        var entries = await db.Set<IndexingTask>().AsNoTracking()
            .Where(t => t.Id > cursor.Sequence || gapIds.Contains(t.Id))
            .OrderBy(t => t.Id)
            .Take(options.BatchSize)
            .ToListAsync(cancellationToken);
        var next = Advance(cursor, entries);
        if (entries.Count == 0)
        {
            if (next != cursor)
            {
                Save(next);
            }

            return false;
        }

        var sources = SourcesByType(scope.ServiceProvider);
        foreach (var entry in entries.GroupBy(e => IndexFields.KeyOf(e.ContentType, e.ContentId)).Select(g => g.Last()))
        {
            var term = new Term(IndexFields.Key, IndexFields.KeyOf(entry.ContentType, entry.ContentId));
            var document = entry.Kind == ContentChangeKind.Update && sources.TryGetValue(entry.ContentType, out var source)
                ? await source.FindAsync(entry.ContentId, cancellationToken)
                : null;
            if (document is null)
            {
                index.Writer.DeleteDocuments(term);
            }
            else
            {
                index.Writer.UpdateDocument(term, IndexFields.ToLucene(document));
            }
        }

        index.Writer.Commit();
        index.Refresh();
        Save(next);
        await NotifyAsync(scope.ServiceProvider, entries, cancellationToken);
        return entries.Count >= options.BatchSize;
    }

    /// <summary>Empties the index and fills it from every source; the cursor becomes the log's head read before the sources.</summary>
    private async Task RebuildAsync(string reason, CancellationToken cancellationToken)
    {
        _rebuilding = true;
        _rebuildReason = null;
        try
        {
            logger.LogInformation("Rebuilding the search index at {Path}: {Reason}", options.IndexPath, reason);
            var started = clock.GetTimestamp();
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<TransparencyDbContext>();
            var head = await db.Set<IndexingTask>().MaxAsync(t => (long?)t.Id, cancellationToken) ?? 0;
            var recent = await db.Set<IndexingTask>().Where(t => t.Id > head - GapWindow).Select(t => t.Id).ToListAsync(cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            var gaps = Enumerable.Range(0, GapWindow).Select(i => head - i).Where(id => id > 0).Except(recent)
                .Select(id => new IndexGap(id, now)).OrderBy(g => g.Sequence).ToList();

            var count = 0;
            try
            {
                index.Writer.DeleteAll();
                count = await AddAllAsync(SourcesByType(scope.ServiceProvider).Values, cancellationToken);
                index.Writer.Commit();
            }
            catch
            {
                index.Reopen(); // drop the half-built state: searches keep the last committed index
                _rebuildReason ??= reason;
                throw;
            }

            index.Refresh();
            Save(new IndexCursor(head, gaps, now) { Layout = IndexFields.Layout });
            logger.LogInformation("Search index rebuilt: {Count} documents in {Elapsed}, log sequence {Sequence}", count, clock.GetElapsedTime(started), head);

            // Anything may have changed (e.g. pages cached while the index was empty at first start): tell the observers.
            await NotifyAsync(scope.ServiceProvider, [new ContentChange(head, PublicContentTypes.All, PublicContentTypes.All, ContentChangeKind.Update)], cancellationToken);
        }
        finally
        {
            _rebuilding = false;
        }
    }

    /// <summary>
    /// Reads the sources one after the other and analyses their documents on every core (analysis, not the database,
    /// is what a rebuild spends its time on; the IndexWriter takes documents from several threads).
    /// </summary>
    private async Task<int> AddAllAsync(IEnumerable<ISearchDocumentSource> sources, CancellationToken cancellationToken)
    {
        var queue = Channel.CreateBounded<SearchDocument>(new BoundedChannelOptions(1_000) { SingleWriter = true });
        var analysers = Enumerable.Range(0, Math.Max(1, Environment.ProcessorCount)).Select(_ => Task.Run(async () =>
        {
            try
            {
                await foreach (var document in queue.Reader.ReadAllAsync(cancellationToken))
                {
                    index.Writer.AddDocument(IndexFields.ToLucene(document));
                }
            }
            catch (Exception e)
            {
                queue.Writer.TryComplete(e); // stops the reading side too
                throw;
            }
        }, cancellationToken)).ToList();

        var count = 0;
        try
        {
            foreach (var source in sources)
            {
                await foreach (var document in source.AllAsync(cancellationToken))
                {
                    await queue.Writer.WriteAsync(document, cancellationToken);
                    count++;
                }
            }
        }
        finally
        {
            queue.Writer.TryComplete();
        }

        await Task.WhenAll(analysers);
        return count;
    }

    /// <summary>The cursor after <paramref name="entries"/>: past the highest entry; holes below it watched until they time out.</summary>
    private IndexCursor Advance(IndexCursor cursor, IReadOnlyList<IndexingTask> entries)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var seen = entries.Select(e => e.Id).ToHashSet();
        var gaps = cursor.Gaps.Where(g => !seen.Contains(g.Sequence) && now - g.SinceUtc < options.GapTimeout).ToList();
        var sequence = cursor.Sequence;
        foreach (var id in entries.Select(e => e.Id).Where(id => id > cursor.Sequence))
        {
            for (var missing = Math.Max(sequence + 1, id - GapWindow); missing < id; missing++)
            {
                gaps.Add(new IndexGap(missing, now));
            }

            sequence = id;
        }

        return gaps.Count == cursor.Gaps.Count && sequence == cursor.Sequence && gaps.SequenceEqual(cursor.Gaps)
            ? cursor
            : cursor with { Sequence = sequence, Gaps = gaps };
    }

    private void Save(IndexCursor cursor)
    {
        cursor.Write(options.CursorFile);
        SetCursor(cursor);
    }

    private void SetCursor(IndexCursor cursor)
    {
        _cursor = cursor;
        Interlocked.Exchange(ref _sequence, cursor.Sequence);
    }

    private Dictionary<string, ISearchDocumentSource> SourcesByType(IServiceProvider services)
    {
        var sources = new Dictionary<string, ISearchDocumentSource>(StringComparer.Ordinal);
        foreach (var source in services.GetServices<ISearchDocumentSource>())
        {
            if (!sources.TryAdd(source.ContentType, source))
            {
                logger.LogWarning("Two search document sources for content type {Type}; {Source} is ignored", source.ContentType, source.GetType().Name);
            }
        }

        return sources;
    }

    /// <summary>Tells every observer; one that fails is logged and does not stop the others or the index.</summary>
    private Task NotifyAsync(IServiceProvider services, IReadOnlyList<IndexingTask> entries, CancellationToken cancellationToken)
        => NotifyAsync(services, entries.Select(e => new ContentChange(e.Id, e.ContentType, e.ContentId, e.Kind)).ToList(), cancellationToken);

    /// <summary>Tells every observer; one that fails is logged and does not stop the others or the index.</summary>
    private async Task NotifyAsync(IServiceProvider services, List<ContentChange> changes, CancellationToken cancellationToken)
    {
        foreach (var observer in services.GetServices<IContentChangeObserver>())
        {
            try
            {
                await observer.OnChangedAsync(changes, cancellationToken);
            }
#pragma warning disable CA1031 // an observer's failure (e.g. a cache) must not stop indexing
            catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
            {
                logger.LogError(e, "Content-change observer {Observer} failed for {Count} changes", observer.GetType().Name, changes.Count);
            }
        }
    }
}
