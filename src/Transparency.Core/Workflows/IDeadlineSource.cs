namespace Transparency.Core.Workflows;

/// <summary>
/// The open deadlines the reminder timer looks at. Implemented by the proposals module (assignments not yet replied)
/// and the feedback module (commitments not yet kept); the workflows module asks every registered source.
/// </summary>
public interface IDeadlineSource
{
    /// <summary>The deadlines still open on <paramref name="today"/> (China date), overdue ones included.</summary>
    /// <param name="today">Today's date in China.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The open deadlines.</returns>
    Task<IReadOnlyList<OpenDeadline>> OpenDeadlinesAsync(DateOnly today, CancellationToken cancellationToken = default);
}

/// <summary>What kind of deadline.</summary>
public enum DeadlineKind
{
    /// <summary>A unit's reply (lead or split) or co-handling opinion is due.</summary>
    Assignment,

    /// <summary>A commitment made in a class-B reply is due.</summary>
    Commitment,
}

/// <summary>An open deadline.</summary>
/// <param name="Kind">Assignment or commitment.</param>
/// <param name="Id">The assignment's or the commitment's id.</param>
/// <param name="ProposalId">The proposal.</param>
/// <param name="UnitId">The responsible unit.</param>
/// <param name="DueOn">The date in force.</param>
/// <param name="Values">What the reminder events carry besides (number, title, part, text…).</param>
public sealed record OpenDeadline(DeadlineKind Kind, int Id, int ProposalId, int UnitId, DateOnly DueOn, IReadOnlyDictionary<string, string?> Values);
