namespace Transparency.Core.Feedback;

/// <summary>
/// Which handling round a proposal is in: round 1 until a dissatisfied rating opens round 2 (重新办理), and so on.
/// Implemented by the feedback module, which opens the rounds; without it every proposal stays in round 1
/// (<see cref="SingleHandlingRound"/>). The replies module asks it when a reply is started and when one is sent.
/// </summary>
public interface IHandlingRounds
{
    /// <summary>The proposal's current round.</summary>
    Task<HandlingRound> CurrentAsync(int proposalId, CancellationToken cancellationToken = default);
}

/// <summary>A handling round of a proposal.</summary>
/// <param name="Number">1 for the first handling, 2… for re-handling rounds.</param>
/// <param name="DueOn">The round's own deadline (re-handling rounds); null in round 1, where the assignment's deadline applies.</param>
public sealed record HandlingRound(int Number, DateOnly? DueOn);

/// <summary>The rounds when no feedback module is enabled: every proposal is in round 1.</summary>
public sealed class SingleHandlingRound : IHandlingRounds
{
    /// <inheritdoc />
    public Task<HandlingRound> CurrentAsync(int proposalId, CancellationToken cancellationToken = default)
        => Task.FromResult(new HandlingRound(1, null));
}
