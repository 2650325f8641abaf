using Microsoft.EntityFrameworkCore;
using Transparency.Core.Feedback;
using Transparency.Data;
using Transparency.Feedback.Models;

namespace Transparency.Feedback.Services;

/// <summary>The feedback module's side of <see cref="IHandlingRounds"/>: the latest opened round, or round 1.</summary>
public sealed class HandlingRounds(TransparencyDbContext db) : IHandlingRounds
{
    public async Task<HandlingRound> CurrentAsync(int proposalId, CancellationToken cancellationToken = default)
    {
        var round = await db.Set<FeedbackRound>().AsNoTracking().Where(r => r.ProposalId == proposalId)
            .OrderByDescending(r => r.Number).FirstOrDefaultAsync(cancellationToken);
        return round is null ? new HandlingRound(1, null) : new HandlingRound(round.Number, round.DueOn);
    }
}
