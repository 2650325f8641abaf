namespace Transparency.Core.Search;

/// <summary>What happened to a piece of public content, as far as the index and caches care.</summary>
public enum ContentChangeKind
{
    /// <summary>Published or republished: (re)index it, if its source still says it is published.</summary>
    Update,

    /// <summary>Unpublished, withheld or deleted: remove it from the index.</summary>
    Delete,
}

/// <summary>Content types known to the search index and the public caches.</summary>
public static class PublicContentTypes
{
    /// <summary>A reply (答复), id = reply id.</summary>
    public const string Reply = "reply";

    /// <summary>A handling summary (办理工作总结), id = summary id.</summary>
    public const string Summary = "summary";

    /// <summary>A public information page (e.g. 关于本平台), id = its slug.</summary>
    public const string Page = "page";

    /// <summary>
    /// Type and id of the change observers receive after a full index rebuild: anything may have changed, so every
    /// public cache entry is stale. Never staged in the log.
    /// </summary>
    public const string All = "*";
}

/// <summary>
/// The content-change log (Orchard Core's indexing tasks): a module that publishes, unpublishes or withholds public
/// content stages an entry in the same unit of work as the change itself, so the entry commits or rolls back with it.
/// Every node tails the log with its own cursor to update its search index and evict its output cache.
/// </summary>
public interface IContentChangeLog
{
    /// <summary>Stages an entry in the caller's unit of work; the caller saves.</summary>
    void Stage(string contentType, string contentId, ContentChangeKind kind);
}

/// <summary>An entry of the content-change log, as the tailing worker hands it to observers.</summary>
/// <param name="Sequence">Its position in the log (ascending, gaps possible).</param>
/// <param name="ContentType">One of <see cref="PublicContentTypes"/>.</param>
/// <param name="ContentId">The content's id within its type.</param>
/// <param name="Kind">Update or delete.</param>
public sealed record ContentChange(long Sequence, string ContentType, string ContentId, ContentChangeKind Kind);

/// <summary>
/// Told on every node, after the node's index has taken a batch of changes, which content changed (e.g. to evict
/// output-cache entries by tag). Runs in the background worker; must not throw for one bad entry.
/// </summary>
public interface IContentChangeObserver
{
    /// <summary>Called with each processed batch, in log order.</summary>
    Task OnChangedAsync(IReadOnlyList<ContentChange> changes, CancellationToken cancellationToken);
}

/// <summary>
/// Supplies the searchable form of one content type. Must return only published content: <see cref="FindAsync"/>
/// answers null for anything not published, and the index then deletes the entry.
/// </summary>
public interface ISearchDocumentSource
{
    /// <summary>The content type this source supplies (one of <see cref="PublicContentTypes"/>).</summary>
    string ContentType { get; }

    /// <summary>The searchable document when the content is published; null otherwise.</summary>
    Task<SearchDocument?> FindAsync(string contentId, CancellationToken cancellationToken = default);

    /// <summary>Every published document of this type (rebuild), read in batches.</summary>
    IAsyncEnumerable<SearchDocument> AllAsync(CancellationToken cancellationToken = default);
}

/// <summary>A document as the index stores it: plain text to search, fields to filter and facet on.</summary>
/// <param name="ContentType">One of <see cref="PublicContentTypes"/>.</param>
/// <param name="ContentId">Id within the type.</param>
/// <param name="Url">Its public address.</param>
/// <param name="Title">Title shown in results.</param>
/// <param name="Body">Plain text (no markup) of the public text.</param>
/// <param name="Date">The date results sort by (the reply's sent date, or the publication date).</param>
public sealed record SearchDocument(string ContentType, string ContentId, string Url, string Title, string Body, DateOnly Date)
{
    /// <summary>Proposal number (建议编号), for replies.</summary>
    public string? Number { get; init; }

    /// <summary>Proposal title and other public proposal text searched with the body (not shown as the snippet).</summary>
    public string? ProposalText { get; init; }

    /// <summary>Representatives' names, searchable.</summary>
    public IReadOnlyList<string> Representatives { get; init; } = [];

    /// <summary>Year (filter and facet).</summary>
    public int? Year { get; init; }

    /// <summary>Session name (filter and facet).</summary>
    public string? Session { get; init; }

    /// <summary>建议 or 提案 (filter and facet).</summary>
    public string? Kind { get; init; }

    /// <summary>类别 (filter and facet).</summary>
    public string? Category { get; init; }

    /// <summary>Units concerned: the answering unit and the lead/co units (filter and facet, several values).</summary>
    public IReadOnlyList<string> Units { get; init; } = [];

    /// <summary>A, B or C (filter and facet).</summary>
    public string? Outcome { get; init; }

    /// <summary>“主办” or “协办” — how the answering unit took part (filter and facet).</summary>
    public string? Part { get; init; }

    /// <summary>
    /// Stored, never searched: public facts a result list shows beside the hit without reading the database, handed
    /// back in <see cref="SearchHit.Fields"/>. Only the keys of <see cref="SearchDisplayFields.All"/> are kept.
    /// </summary>
    public IReadOnlyDictionary<string, string> Display { get; init; } = new Dictionary<string, string>();
}

/// <summary>
/// Keys of <see cref="SearchDocument.Display"/>: what a reply's line in the result list shows besides the filter
/// fields. They hold what was public when the document was indexed; the list still asks
/// <c>IPublishedContent.PublishedReplyIdsAsync</c> whether each hit is public now.
/// </summary>
public static class SearchDisplayFields
{
    /// <summary>The proposal number, <see cref="SearchDocument.Number"/> (searched as well as stored, so not in <see cref="All"/>).</summary>
    public const string Number = "number";

    /// <summary>The title of the proposal answered.</summary>
    public const string ProposalTitle = "proposal_title";

    /// <summary>The unit that wrote the reply.</summary>
    public const string AnsweringUnit = "answering_unit";

    /// <summary>How that unit took part: a <c>HandlingPart</c> name (Lead, Co, Split).</summary>
    public const string HandlingPart = "handling_part";

    /// <summary>The date the reply was sent, yyyy-MM-dd (absent when it has none).</summary>
    public const string SentOn = "sent_on";

    /// <summary>Every display key.</summary>
    public static readonly IReadOnlyList<string> All = [ProposalTitle, AnsweringUnit, HandlingPart, SentOn];
}
