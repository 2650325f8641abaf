using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Transparency.Core.Proposals;
using Transparency.Core.Publishing;
using Transparency.Core.Units;
using Transparency.Data;
using Transparency.Replies.Models;

namespace Transparency.Replies.Services;

/// <summary>
/// The public read path (<see cref="IPublishedContent"/>): the one place that decides what is public — a document with
/// a published version (set by publishing, cleared by withholding and unpublishing; a published summary being revised
/// keeps its published version public until the new one is published) — and that reads only that version. Public attachments, the public
/// site, the search sources, feeds, sitemap, API and open data all go through <see cref="PublicReplies"/> /
/// <see cref="PublicSummaries"/>.
/// </summary>
public sealed class PublishedContent(TransparencyDbContext db, IProposalDirectory proposals, IUnitDirectory units) : IPublishedContent
{
    private const int BatchSize = 500;

    private static readonly DecisionAction[] PublicationActions = [DecisionAction.Published, DecisionAction.Unpublished, DecisionAction.Withheld];

    /// <summary>Replies that are public: a published version is set. The only definition of it.</summary>
    public static IQueryable<Reply> PublicReplies(TransparencyDbContext db)
        => db.Set<Reply>().AsNoTracking().Where(r => r.Document.PublishedVersion != null);

    /// <summary>Summaries that are public, by the same rule.</summary>
    public static IQueryable<HandlingSummary> PublicSummaries(TransparencyDbContext db)
        => db.Set<HandlingSummary>().AsNoTracking().Where(s => s.Document.PublishedVersion != null);

    /// <inheritdoc />
    public async Task<PublishedReply?> FindReplyAsync(int replyId, CancellationToken cancellationToken = default)
        => await FindRepliesAsync([replyId], cancellationToken) is [var reply, ..] ? reply : null;

    /// <inheritdoc />
    public async Task<IReadOnlyList<PublishedReply>> FindRepliesAsync(IEnumerable<int> replyIds, CancellationToken cancellationToken = default)
    {
        var ids = replyIds.Distinct().ToList();
        return ids.Count == 0 ? [] : await LoadAsync(PublicReplies(db).Where(r => ids.Contains(r.Id)), cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlySet<int>> PublishedReplyIdsAsync(IEnumerable<int> replyIds, CancellationToken cancellationToken = default)
    {
        var ids = replyIds.Distinct().ToList();
        return ids.Count == 0
            ? new HashSet<int>()
            : (await PublicReplies(db).Where(r => ids.Contains(r.Id)).Select(r => r.Id).ToListAsync(cancellationToken)).ToHashSet();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<PublishedReply>> LatestRepliesAsync(int count, CancellationToken cancellationToken = default)
    {
        var latest = await LoadAsync(
            PublicReplies(db).OrderByDescending(r => r.Document.PublishedUtc).ThenByDescending(r => r.Id).Take(Math.Clamp(count, 0, 100)),
            cancellationToken);
        return latest.OrderByDescending(r => r.PublishedUtc).ThenByDescending(r => r.Id).ToList();
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<PublishedReply> AllRepliesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var after = 0;
        while (true)
        {
            var last = after;
            var batch = await LoadAsync(PublicReplies(db).Where(r => r.Id > last).OrderBy(r => r.Id).Take(BatchSize), cancellationToken);
            foreach (var reply in batch.OrderBy(r => r.Id))
            {
                yield return reply;
            }

            if (batch.Count < BatchSize)
            {
                yield break;
            }

            after = batch.Max(r => r.Id);
        }
    }

    /// <inheritdoc />
    public async Task<PublishedSummary?> FindSummaryAsync(int summaryId, CancellationToken cancellationToken = default)
        => await LoadSummariesAsync(PublicSummaries(db).Where(s => s.Id == summaryId), cancellationToken) is [var summary, ..] ? summary : null;

    /// <inheritdoc />
    public async Task<IReadOnlyList<PublishedSummary>> SummariesAsync(CancellationToken cancellationToken = default)
        => (await LoadSummariesAsync(PublicSummaries(db), cancellationToken)).OrderByDescending(s => s.Year).ThenByDescending(s => s.Id).ToList();

    /// <inheritdoc />
    public async Task<DateTime?> LastChangedUtcAsync(CancellationToken cancellationToken = default)
    {
        var last = await db.Set<DocumentDecisionRecord>().AsNoTracking()
            .Where(d => PublicationActions.Contains(d.Action))
            .OrderByDescending(d => d.OccurredUtc)
            .Select(d => (DateTime?)d.OccurredUtc)
            .FirstOrDefaultAsync(cancellationToken);
        return last is { } value ? DateTime.SpecifyKind(value, DateTimeKind.Utc) : null;
    }

    private async Task<IReadOnlyList<PublishedReply>> LoadAsync(IQueryable<Reply> query, CancellationToken cancellationToken)
    {
        // An explicit join on (DocumentId, Number), which the unique index serves. A First() sub-query in the projection
        // is translated to ROW_NUMBER() OVER (PARTITION BY …) over the whole versions table, texts included, on every call:
        // 3.8 s per call with 100,000 replies on SQLite (docs/performance.md, issue 5).
        var rows = await query
            .Join(
                db.Set<DocumentVersion>(),
                r => new { r.DocumentId, Number = r.Document.PublishedVersion },
                v => new { v.DocumentId, Number = (int?)v.Number },
                (r, v) => new
                {
                    r.Id,
                    r.DocumentId,
                    r.ProposalId,
                    r.AssignmentId,
                    r.UnitId,
                    r.Round,
                    r.SentOn,
                    r.DueOn,
                    PublishedUtc = r.Document.PublishedUtc,
                    Version = new { v.Title, v.PublicHtml, v.Outcome },
                })
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return [];
        }

        var documentIds = rows.Select(r => r.DocumentId).ToList();
        var attachments = (await db.Set<DocumentAttachment>().AsNoTracking()
                .Where(a => documentIds.Contains(a.DocumentId))
                .OrderBy(a => a.Id)
                .Select(a => new { a.Id, a.DocumentId, a.FileName, a.ContentType, a.Size })
                .ToListAsync(cancellationToken))
            .ToLookup(a => a.DocumentId);
        var byProposal = (await proposals.FindAsync(rows.Select(r => r.ProposalId).Distinct(), cancellationToken)).ToDictionary(p => p.Id);
        var unitIds = rows.Select(r => r.UnitId)
            .Concat(byProposal.Values.SelectMany(p => p.Assignments).Select(a => a.UnitId))
            .Distinct();
        var unitNames = (await units.FindAsync(unitIds, cancellationToken)).ToDictionary(u => u.Id, u => u.Name);
        string UnitName(int id) => unitNames.TryGetValue(id, out var name) ? name : "";

        var result = new List<PublishedReply>(rows.Count);
        foreach (var row in rows)
        {
            if (!byProposal.TryGetValue(row.ProposalId, out var proposal))
            {
                continue;
            }

            var active = proposal.Assignments.Where(a => !a.IsReturned).ToList();
            var assignment = proposal.Assignments.FirstOrDefault(a => a.Id == row.AssignmentId);
            result.Add(new PublishedReply(
                row.Id,
                proposal.Id,
                proposal.Number,
                proposal.Title,
                proposal.Session,
                proposal.Category,
                proposal.Representatives,
                UnitName(row.UnitId),
                assignment?.Part ?? HandlingPart.Lead,
                active.Where(a => a.Part != HandlingPart.Co).Select(a => UnitName(a.UnitId)).Where(n => n.Length > 0).Distinct().ToList(),
                active.Where(a => a.Part == HandlingPart.Co).Select(a => UnitName(a.UnitId)).Where(n => n.Length > 0).Distinct().ToList(),
                assignment?.AssignedOn,
                row.DueOn ?? assignment?.DueOn,
                row.SentOn,
                row.Version.Outcome?.ToString(),
                row.Round,
                row.Version.Title,
                row.Version.PublicHtml,
                DateTime.SpecifyKind(row.PublishedUtc ?? DateTime.UnixEpoch, DateTimeKind.Utc),
                attachments[row.DocumentId]
                    .Select(a => new PublishedAttachment(a.Id, a.FileName, a.ContentType, a.Size,
                        string.Create(CultureInfo.InvariantCulture, $"/replies/{row.Id}/attachments/{a.Id}")))
                    .ToList()));
        }

        return result;
    }

    private async Task<IReadOnlyList<PublishedSummary>> LoadSummariesAsync(IQueryable<HandlingSummary> query, CancellationToken cancellationToken)
    {
        var rows = await query
            .Join(
                db.Set<DocumentVersion>(),
                s => new { s.DocumentId, Number = s.Document.PublishedVersion },
                v => new { v.DocumentId, Number = (int?)v.Number },
                (s, v) => new
                {
                    s.Id,
                    s.SessionId,
                    s.Year,
                    s.Document.PublishedUtc,
                    Version = new { v.Title, v.PublicHtml },
                })
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return [];
        }

        var sessions = (await proposals.SessionsAsync(cancellationToken)).ToDictionary(s => s.Id);
        return rows
            .Where(r => sessions.ContainsKey(r.SessionId))
            .Select(r => new PublishedSummary(r.Id, r.Year, sessions[r.SessionId], r.Version.Title, r.Version.PublicHtml,
                DateTime.SpecifyKind(r.PublishedUtc ?? DateTime.UnixEpoch, DateTimeKind.Utc)))
            .ToList();
    }
}
