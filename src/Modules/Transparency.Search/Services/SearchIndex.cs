using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Microsoft.Extensions.Logging;

namespace Transparency.Search.Services;

/// <summary>
/// This node's Lucene directory: one writer (used only by the indexing worker) and near-real-time searchers for queries.
/// Opening checks the directory; a missing or unreadable index is replaced by an empty one and reported, so the worker
/// rebuilds it from the database.
/// </summary>
public sealed class SearchIndex(SearchOptions options, ILogger<SearchIndex> logger) : IDisposable
{
    private readonly System.Threading.Lock _gate = new();
    private FSDirectory? _directory;
    private IndexWriter? _writer;
    private SearcherManager? _searchers;

    /// <summary>The analyzer of every text field, at index and query time.</summary>
    public Analyzer Analyzer { get; } = SearchAnalyzers.Create();

    public bool IsOpen => _searchers is not null;

    public IndexWriter Writer => _writer ?? throw new InvalidOperationException("The search index is not open.");

    /// <summary>Opens the directory; returns why it must be rebuilt (missing, corrupt) or null when it is usable.</summary>
    public string? Open()
    {
        lock (_gate)
        {
            if (_writer is not null)
            {
                return null;
            }

            System.IO.Directory.CreateDirectory(options.LuceneDirectory);
            var reason = Check();
            if (reason is not null && reason != "missing")
            {
                logger.LogWarning("Search index at {Path} is unreadable ({Reason}); it is replaced by an empty index and rebuilt", options.LuceneDirectory, reason);
                System.IO.Directory.Delete(options.LuceneDirectory, recursive: true);
                System.IO.Directory.CreateDirectory(options.LuceneDirectory);
            }

            OpenWriter(reason is null ? OpenMode.CREATE_OR_APPEND : OpenMode.CREATE);
            return reason;
        }
    }

    /// <summary>Throws away what the writer holds since its last commit (a failed rebuild) and reopens.</summary>
    public void Reopen()
    {
        lock (_gate)
        {
            var (writer, searchers, directory) = (_writer, _searchers, _directory);
            _writer = null;
            _searchers = null;
            _directory = null;
            try
            {
                writer?.Rollback();
            }
            finally
            {
                searchers?.Dispose();
                directory?.Dispose();
            }

            OpenWriter(OpenMode.CREATE_OR_APPEND);
        }
    }

    /// <summary>Makes what was committed visible to new searches.</summary>
    public void Refresh() => (_searchers ?? throw new InvalidOperationException("The search index is not open.")).MaybeRefreshBlocking();

    /// <summary>Runs <paramref name="read"/> on a current searcher; an index not yet open reads as empty.</summary>
    public T Read<T>(Func<IndexSearcher, T> read, T whenClosed)
    {
        var manager = _searchers;
        if (manager is null)
        {
            return whenClosed;
        }

        var searcher = manager.Acquire();
        try
        {
            return read(searcher);
        }
        finally
        {
            manager.Release(searcher);
        }
    }

    public int DocumentCount => Read(s => s.IndexReader.NumDocs, 0);

    public void Dispose()
    {
        lock (_gate)
        {
            _searchers?.Dispose();
            _writer?.Dispose();
            _directory?.Dispose();
            Analyzer.Dispose();
            _searchers = null;
            _writer = null;
            _directory = null;
        }
    }

    private void OpenWriter(OpenMode mode)
    {
        _directory = FSDirectory.Open(options.LuceneDirectory);
        _writer = new IndexWriter(_directory, new IndexWriterConfig(SearchAnalyzers.Version, Analyzer) { OpenMode = mode, RAMBufferSizeMB = 64 });
        if (mode == OpenMode.CREATE)
        {
            _writer.Commit();
        }

        _searchers = new SearcherManager(_writer, applyAllDeletes: true, searcherFactory: null);
    }

    /// <summary>Null when the index opens and reads; else "missing" or what is wrong with it.</summary>
    private string? Check()
    {
        try
        {
            using var directory = FSDirectory.Open(options.LuceneDirectory);
            if (!DirectoryReader.IndexExists(directory))
            {
                return "missing";
            }

            using var reader = DirectoryReader.Open(directory);
            _ = reader.NumDocs;
            return null;
        }
#pragma warning disable CA1031 // any failure to read the index means the same thing: rebuild it
        catch (Exception e)
#pragma warning restore CA1031
        {
            return $"{e.GetType().Name}: {e.Message}";
        }
    }
}
