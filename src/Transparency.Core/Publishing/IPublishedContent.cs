using Transparency.Core.Proposals;

namespace Transparency.Core.Publishing;

/// <summary>
/// The one read path of the public surfaces (public pages, feed, sitemap, open data, API, search index): it returns
/// only what is published — a document whose status is Published and that has a published version — and only the
/// published version's public text. Implemented by the module that owns replies and summaries; nothing on a public
/// surface reads replies any other way.
/// </summary>
public interface IPublishedContent
{
    /// <summary>The published reply, or null when there is none with this id or it is not (or no longer) published.</summary>
    Task<PublishedReply?> FindReplyAsync(int replyId, CancellationToken cancellationToken = default);

    /// <summary>The published replies with these ids (unpublished ids are left out), in no particular order.</summary>
    Task<IReadOnlyList<PublishedReply>> FindRepliesAsync(IEnumerable<int> replyIds, CancellationToken cancellationToken = default);

    /// <summary>
    /// Which of these reply ids are published now: one id-only query, for lists that show facts stored elsewhere (the
    /// search index) and must leave out what was unpublished a moment ago.
    /// </summary>
    Task<IReadOnlySet<int>> PublishedReplyIdsAsync(IEnumerable<int> replyIds, CancellationToken cancellationToken = default);

    /// <summary>The most recently published replies, newest first.</summary>
    Task<IReadOnlyList<PublishedReply>> LatestRepliesAsync(int count, CancellationToken cancellationToken = default);

    /// <summary>Every published reply in ascending id order, read in batches (open data, sitemap, index rebuild).</summary>
    IAsyncEnumerable<PublishedReply> AllRepliesAsync(CancellationToken cancellationToken = default);

    /// <summary>The published handling summary, or null.</summary>
    Task<PublishedSummary?> FindSummaryAsync(int summaryId, CancellationToken cancellationToken = default);

    /// <summary>Every published handling summary, newest year first.</summary>
    Task<IReadOnlyList<PublishedSummary>> SummariesAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// When public content last changed (published, republished, unpublished or withheld), for Last-Modified and
    /// ETag headers; null when nothing was ever published.
    /// </summary>
    Task<DateTime?> LastChangedUtcAsync(CancellationToken cancellationToken = default);
}

/// <summary>A published reply as the public sees it: the published version only, never a draft.</summary>
/// <param name="Id">The reply's key; its permalink is <c>/replies/{Id}</c>.</param>
/// <param name="ProposalId">The proposal answered.</param>
/// <param name="ProposalNumber">建议/提案编号, e.g. 0027.</param>
/// <param name="ProposalTitle">The proposal's title.</param>
/// <param name="Session">The session (届次).</param>
/// <param name="Category">类别, if any.</param>
/// <param name="Representatives">The representatives' names, lead first.</param>
/// <param name="Unit">The answering unit's name.</param>
/// <param name="Part">How the answering unit takes part (主办, 协办, 分办).</param>
/// <param name="LeadUnits">The proposal's lead units (主办/分办), names.</param>
/// <param name="CoUnits">The proposal's co-handling units (协办), names.</param>
/// <param name="AssignedOn">交办日期 of the answering unit's assignment.</param>
/// <param name="DueOn">The deadline in force for this reply.</param>
/// <param name="SentOn">答复日期 (送达), when recorded.</param>
/// <param name="Outcome">A, B or C (办理结果分类), when set.</param>
/// <param name="Round">1 for the first reply, 2… for re-handled replies.</param>
/// <param name="Title">The published version's title.</param>
/// <param name="PublicHtml">The published version's public text (sanitized HTML, redactions marked).</param>
/// <param name="PublishedUtc">When it was (last) published.</param>
/// <param name="Attachments">Attachments, downloadable anonymously while the reply is published.</param>
public sealed record PublishedReply(
    int Id,
    int ProposalId,
    string ProposalNumber,
    string ProposalTitle,
    SessionInfo Session,
    string? Category,
    IReadOnlyList<string> Representatives,
    string Unit,
    HandlingPart Part,
    IReadOnlyList<string> LeadUnits,
    IReadOnlyList<string> CoUnits,
    DateOnly? AssignedOn,
    DateOnly? DueOn,
    DateOnly? SentOn,
    string? Outcome,
    int Round,
    string Title,
    string PublicHtml,
    DateTime PublishedUtc,
    IReadOnlyList<PublishedAttachment> Attachments)
{
    /// <summary>建议 or 提案.</summary>
    public string KindName => Session.IsCppcc ? "提案" : "建议";

    /// <summary>The permalink.</summary>
    public string Url => $"/replies/{Id}";
}

/// <summary>An attachment of a published reply.</summary>
/// <param name="Id">Key.</param>
/// <param name="FileName">The file name shown.</param>
/// <param name="ContentType">MIME type.</param>
/// <param name="Size">Bytes.</param>
/// <param name="Url">Anonymous download address (answers 404 once the reply is no longer published).</param>
public sealed record PublishedAttachment(int Id, string FileName, string ContentType, long Size, string Url);

/// <summary>A published handling summary (办理工作总结).</summary>
/// <param name="Id">The summary's key; its permalink is <c>/summaries/{Id}</c>.</param>
/// <param name="Year">The year it reports on.</param>
/// <param name="Session">The session it reports on.</param>
/// <param name="Title">The published version's title.</param>
/// <param name="PublicHtml">The published version's public text (sanitized HTML).</param>
/// <param name="PublishedUtc">When it was (last) published.</param>
public sealed record PublishedSummary(int Id, int Year, SessionInfo Session, string Title, string PublicHtml, DateTime PublishedUtc)
{
    /// <summary>The permalink.</summary>
    public string Url => $"/summaries/{Id}";
}
