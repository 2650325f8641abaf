namespace Transparency.Core.Proposals;

/// <summary>
/// Read access to representatives (人大代表 / 政协委员) and to what they took part in, for the feedback module.
/// It does no scoping: the caller decides whose data it shows (a representative sees only their own proposals).
/// </summary>
public interface IRepresentativeDirectory
{
    /// <summary>The representative whose account is <paramref name="userName"/>, or null.</summary>
    Task<RepresentativeInfo?> FindByUserNameAsync(string userName, CancellationToken cancellationToken = default);

    /// <summary>A representative by id, or null.</summary>
    Task<RepresentativeInfo?> FindAsync(int representativeId, CancellationToken cancellationToken = default);

    /// <summary>The representatives of a proposal, lead first.</summary>
    Task<IReadOnlyList<RepresentativeInfo>> OfProposalAsync(int proposalId, CancellationToken cancellationToken = default);

    /// <summary>The ids of the proposals the representative authored or co-signed (all sessions).</summary>
    Task<IReadOnlyList<int>> ProposalIdsOfAsync(int representativeId, CancellationToken cancellationToken = default);

    /// <summary>The consultations (面商 / 沟通联系) recorded on a proposal, oldest first.</summary>
    Task<IReadOnlyList<ConsultationInfo>> ConsultationsAsync(int proposalId, CancellationToken cancellationToken = default);
}

/// <summary>A representative as other modules see it (no contact details).</summary>
/// <param name="Id">Key.</param>
/// <param name="Name">Name.</param>
/// <param name="UserName">The account they sign in with, if any.</param>
public sealed record RepresentativeInfo(int Id, string Name, string? UserName);

/// <summary>A consultation as a representative may see it.</summary>
/// <param name="Date">When.</param>
/// <param name="Mode">面商, 电话, 实地察看, 座谈会….</param>
/// <param name="Stage">办理前, 办理中, 办理后.</param>
/// <param name="Participants">Who took part.</param>
public sealed record ConsultationInfo(DateOnly Date, string Mode, string Stage, string Participants);
