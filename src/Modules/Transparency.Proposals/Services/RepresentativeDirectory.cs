using Microsoft.EntityFrameworkCore;
using Transparency.Core.Proposals;
using Transparency.Data;
using Transparency.Proposals.Models;

namespace Transparency.Proposals.Services;

/// <summary>The Proposals module's side of <see cref="IRepresentativeDirectory"/>: representatives and their proposals, unscoped.</summary>
public sealed class RepresentativeDirectory(TransparencyDbContext db) : IRepresentativeDirectory
{
    public async Task<RepresentativeInfo?> FindByUserNameAsync(string userName, CancellationToken cancellationToken = default)
        => string.IsNullOrWhiteSpace(userName)
            ? null
            : await db.Set<Representative>().AsNoTracking().Where(r => r.UserName == userName)
                .OrderBy(r => r.Id).Select(r => new RepresentativeInfo(r.Id, r.Name, r.UserName)).FirstOrDefaultAsync(cancellationToken);

    public async Task<RepresentativeInfo?> FindAsync(int representativeId, CancellationToken cancellationToken = default)
        => await db.Set<Representative>().AsNoTracking().Where(r => r.Id == representativeId)
            .Select(r => new RepresentativeInfo(r.Id, r.Name, r.UserName)).FirstOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<RepresentativeInfo>> OfProposalAsync(int proposalId, CancellationToken cancellationToken = default)
        => await db.Set<ProposalRepresentative>().AsNoTracking().Where(pr => pr.ProposalId == proposalId)
            .OrderBy(pr => pr.Position)
            .Select(pr => new RepresentativeInfo(pr.Representative.Id, pr.Representative.Name, pr.Representative.UserName))
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<int>> ProposalIdsOfAsync(int representativeId, CancellationToken cancellationToken = default)
        => await db.Set<ProposalRepresentative>().AsNoTracking().Where(pr => pr.RepresentativeId == representativeId)
            .Select(pr => pr.ProposalId).Distinct().ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<ConsultationInfo>> ConsultationsAsync(int proposalId, CancellationToken cancellationToken = default)
        => (await db.Set<Consultation>().AsNoTracking().Where(c => c.ProposalId == proposalId)
                .OrderBy(c => c.Date).ThenBy(c => c.Id).ToListAsync(cancellationToken))
            .Select(c => new ConsultationInfo(c.Date, ProposalText.Of(c.Mode), ProposalText.Of(c.Stage), c.Participants))
            .ToList();
}
