using Microsoft.EntityFrameworkCore;
using Transparency.Core.Workflows;
using Transparency.Data;
using Transparency.Proposals.Models;

namespace Transparency.Proposals.Services;

/// <summary>
/// The reminder timer's view of this module: the deadlines of active assignments whose proposal is still being handled
/// (lead and split units until the reply is sent; co units until their opinion is submitted).
/// </summary>
public sealed class AssignmentDeadlines(TransparencyDbContext db) : IDeadlineSource
{
    public async Task<IReadOnlyList<OpenDeadline>> OpenDeadlinesAsync(DateOnly today, CancellationToken cancellationToken = default)
    {
        var handling = new[] { ProposalStatus.Assigned, ProposalStatus.InProgress };
        var submitted = db.Set<CoHandlingOpinion>().Where(o => o.Status == CoOpinionStatus.Submitted).Select(o => o.AssignmentId);
        var rows = await db.Set<Assignment>().AsNoTracking()
            .Where(a => a.Status == AssignmentStatus.Active && handling.Contains(a.Proposal.Status))
            .Where(a => a.Role != HandlingRole.Co || !submitted.Contains(a.Id))
            .Select(a => new { a.Id, a.ProposalId, a.UnitId, a.Role, a.DueOn, a.Proposal.Number, a.Proposal.Title })
            .ToListAsync(cancellationToken);
        return rows.Select(a => new OpenDeadline(DeadlineKind.Assignment, a.Id, a.ProposalId, a.UnitId, a.DueOn, WorkflowEvent.ValuesOf(
            ("proposalId", a.ProposalId), ("number", a.Number), ("title", a.Title), ("assignmentId", a.Id), ("unitId", a.UnitId),
            ("part", a.Role.ToString()), ("dueOn", a.DueOn)))).ToList();
    }
}

/// <summary>Representatives' e-mail addresses for the workflows' SendEmail activity (staff-only data, never public).</summary>
public sealed class RepresentativeEmails(TransparencyDbContext db) : IRepresentativeEmails
{
    public async Task<IReadOnlyList<RepresentativeEmail>> OfProposalAsync(int proposalId, CancellationToken cancellationToken = default)
        => await db.Set<ProposalRepresentative>().AsNoTracking()
            .Where(r => r.ProposalId == proposalId && r.Representative.Email != null && r.Representative.Email != "")
            .OrderBy(r => r.Position)
            .Select(r => new RepresentativeEmail(r.Representative.Id, r.Representative.Name, r.Representative.Email!))
            .ToListAsync(cancellationToken);
}
