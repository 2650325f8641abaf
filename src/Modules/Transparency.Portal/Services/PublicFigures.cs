using Transparency.Core.Proposals;
using Transparency.Core.Publishing;

namespace Transparency.Portal.Services;

/// <summary>The handling figures of every session that has any, newest session first (home, statistics, API).</summary>
public sealed class PublicFigures(IProposalDirectory proposals, IHandlingFigures figures)
{
    public async Task<IReadOnlyList<HandlingFigures>> AllAsync(CancellationToken cancellationToken)
    {
        var result = new List<HandlingFigures>();
        foreach (var session in await proposals.SessionsAsync(cancellationToken))
        {
            if (await figures.FindAsync(session.Id, cancellationToken) is { Total: > 0 } found)
            {
                result.Add(found);
            }
        }

        return result
            .OrderByDescending(f => f.Session.Year)
            .ThenByDescending(f => f.Session.Id)
            .ToList();
    }

    /// <summary>The newest session with figures, for the home page's key figures.</summary>
    public async Task<HandlingFigures?> LatestAsync(CancellationToken cancellationToken)
    {
        foreach (var session in (await proposals.SessionsAsync(cancellationToken)).OrderByDescending(s => s.Year).ThenByDescending(s => s.Id))
        {
            if (await figures.FindAsync(session.Id, cancellationToken) is { Total: > 0 } found)
            {
                return found;
            }
        }

        return null;
    }
}
