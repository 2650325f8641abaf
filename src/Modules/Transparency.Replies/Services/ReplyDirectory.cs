using Microsoft.EntityFrameworkCore;
using Transparency.Core.Feedback;
using Transparency.Core.Units;
using Transparency.Data;
using Transparency.Replies.Models;

namespace Transparency.Replies.Services;

/// <summary>
/// The replies module's side of <see cref="IReplyDirectory"/>: staff-side facts of replies for the feedback module. The
/// text returned is the approved version's official text (the one that was sent), never an unapproved draft.
/// </summary>
public sealed class ReplyDirectory(TransparencyDbContext db, IUnitDirectory units) : IReplyDirectory
{
    private static readonly VersionState[] ApprovedStates = [VersionState.Approved, VersionState.Published, VersionState.Superseded];

    public async Task<IReadOnlyList<ReplyFacts>> ForProposalAsync(int proposalId, CancellationToken cancellationToken = default)
        => await FactsAsync(db.Set<Reply>().Where(r => r.ProposalId == proposalId), cancellationToken);

    public async Task<ReplyFacts?> FindAsync(int replyId, CancellationToken cancellationToken = default)
        => await FactsAsync(db.Set<Reply>().Where(r => r.Id == replyId), cancellationToken) is [var reply, ..] ? reply : null;

    private async Task<IReadOnlyList<ReplyFacts>> FactsAsync(IQueryable<Reply> query, CancellationToken cancellationToken)
    {
        var replies = await query.AsNoTracking().Include(r => r.Document).OrderBy(r => r.Round).ThenBy(r => r.Id).ToListAsync(cancellationToken);
        if (replies.Count == 0)
        {
            return [];
        }

        var documentIds = replies.Select(r => r.DocumentId).ToList();
        var versions = await db.Set<DocumentVersion>().AsNoTracking().Where(v => documentIds.Contains(v.DocumentId))
            .ToListAsync(cancellationToken);
        var unitNames = (await units.FindAsync(replies.Select(r => r.UnitId).Distinct(), cancellationToken)).ToDictionary(u => u.Id, u => u.Name);
        return replies.Select(r =>
        {
            var mine = versions.Where(v => v.DocumentId == r.DocumentId).ToList();
            var approved = mine.Where(v => ApprovedStates.Contains(v.State)).MaxBy(v => v.Number);
            var shown = approved ?? mine.MaxBy(v => v.Number);
            return new ReplyFacts(
                r.Id,
                r.ProposalId,
                r.Round,
                r.UnitId,
                unitNames.GetValueOrDefault(r.UnitId, $"#{r.UnitId}"),
                r.Document.Status.ToString(),
                r.SentOn,
                r.DueOn,
                shown?.Outcome?.ToString(),
                shown?.Title ?? "",
                approved?.OfficialHtml ?? "",
                r.Document.Status == DocumentStatus.Published && r.Document.PublishedVersion is not null);
        }).ToList();
    }
}
