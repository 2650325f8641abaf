using Microsoft.EntityFrameworkCore;
using Transparency.Core.Feedback;
using Transparency.Data;
using Transparency.Feedback.Models;

namespace Transparency.Feedback.Services;

/// <summary>The feedback module's side of <see cref="ISatisfactionFigures"/>, computed from the ratings and their corrections.</summary>
public sealed class SatisfactionFiguresSource(TransparencyDbContext db) : ISatisfactionFigures
{
    public async Task<SatisfactionFigures> ForProposalsAsync(IReadOnlyCollection<int> proposalIds, CancellationToken cancellationToken = default)
    {
        var ids = proposalIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return SatisfactionFigures.Empty;
        }

        var ratings = await db.Set<FeedbackRating>().AsNoTracking().Where(r => ids.Contains(r.ProposalId)).ToListAsync(cancellationToken);
        var ratingIds = ratings.Select(r => r.Id).ToList();
        var corrections = (await db.Set<FeedbackCorrection>().AsNoTracking().Where(c => ratingIds.Contains(c.RatingId))
                .ToListAsync(cancellationToken))
            .GroupBy(c => c.RatingId).ToDictionary(g => g.Key, g => g.MaxBy(c => c.Id)!);
        var effective = ratings.Select(r => corrections.TryGetValue(r.Id, out var c)
            ? new Effective(r.ProposalId, r.RepresentativeId, r.Round, c.Overall, c.Communication, c.Attitude, c.Result, r.FaceToFace)
            : new Effective(r.ProposalId, r.RepresentativeId, r.Round, r.Overall, r.Communication, r.Attitude, r.Result, r.FaceToFace)).ToList();

        // Final: each representative's latest rated round on each proposal.
        var final = effective.GroupBy(r => (r.ProposalId, r.RepresentativeId)).Select(g => g.MaxBy(r => r.Round)).ToList();
        var first = effective.Where(r => r.Round == 1).ToList();
        static bool Good(Satisfaction s) => s != Satisfaction.Dissatisfied;
        return new SatisfactionFigures(
            Ratings: final.Count,
            Satisfied: final.Count(r => r!.Overall == Satisfaction.Satisfied),
            BasicallySatisfied: final.Count(r => r!.Overall == Satisfaction.BasicallySatisfied),
            FirstRoundRatings: first.Count,
            FirstRoundSatisfied: first.Count(r => Good(r.Overall)),
            AttitudeSatisfied: final.Count(r => Good(r!.Attitude)),
            ResultSatisfied: final.Count(r => Good(r!.Result)),
            CommunicationSatisfied: final.Count(r => Good(r!.Communication)),
            Consulted: final.Count(r => r!.FaceToFace));
    }

    private sealed record Effective(
        int ProposalId, int RepresentativeId, int Round, Satisfaction Overall, Satisfaction Communication, Satisfaction Attitude, Satisfaction Result, bool FaceToFace);
}
