using Transparency.Core.Search;
using Transparency.Data;
using Transparency.Search.Models;

namespace Transparency.Search.Services;

/// <summary>
/// <see cref="IContentChangeLog"/> as rows of <c>search_indexing_tasks</c>, added to the caller's DbContext so they
/// commit or roll back with the change. Once that context has saved, this node's worker is woken at once; other nodes
/// find the rows at their next poll.
/// </summary>
public sealed class ContentChangeLog(TransparencyDbContext db, TimeProvider clock, IndexingSignal signal) : IContentChangeLog
{
    private bool _listening;

    public void Stage(string contentType, string contentId, ContentChangeKind kind)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentId);
        if (contentType.Length > IndexingTask.ContentTypeMaxLength || contentId.Length > IndexingTask.ContentIdMaxLength)
        {
            throw new ArgumentException($"Content key '{contentType}:{contentId}' is too long for the content-change log.");
        }

        db.Add(new IndexingTask { ContentType = contentType, ContentId = contentId, Kind = kind, CreatedUtc = clock.GetUtcNow().UtcDateTime });
        if (!_listening)
        {
            // Within an outer transaction the rows become visible only at its commit; the worker's short poll covers that.
            db.SavedChanges += (_, _) => signal.Nudge();
            _listening = true;
        }
    }
}
