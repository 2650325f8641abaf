using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Transparency.Data;
using Transparency.Proposals.Models;
using Transparency.Proposals.ViewModels.Handling;

namespace Transparency.Proposals.Services;

/// <summary>Builds the handling panel of a proposal page for the current user (links only to what the user may do).</summary>
public sealed class HandlingPanelBuilder(
    TransparencyDbContext db,
    HandlingAccess access,
    ReturnService returns,
    ConsultationService consultations,
    CoOpinionService coOpinions)
{
    /// <summary>The panel for <paramref name="proposal"/> (loaded with its assignments and their extensions, e.g. by <see cref="ProposalScope.FindAsync"/>).</summary>
    public async Task<HandlingPanelModel> BuildAsync(Proposal proposal, ClaimsPrincipal user)
    {
        var mine = await access.Scope.UnitsOfAsync(user);
        var handle = await access.HasAsync(user, ProposalsPermissions.Handle);
        var assign = await access.HasAsync(user, ProposalsPermissions.Assign);
        var decide = await access.HasAsync(user, ProposalsPermissions.DecideExtension);
        var inHandling = HandlingAccess.IsInHandling(proposal);
        var names = await access.UnitNamesAsync(proposal.Assignments.Select(a => a.UnitId));
        var rows = new List<HandlingPanelAssignment>();
        foreach (var a in proposal.Assignments.Where(a => a.Status != AssignmentStatus.Replaced).OrderBy(a => a.Role).ThenBy(a => a.Id))
        {
            var ownActive = handle && inHandling && a.Status == AssignmentStatus.Active && mine.Contains(a.UnitId);
            var pending = ExtensionService.Pending(a);
            rows.Add(new HandlingPanelAssignment(
                a,
                names.GetValueOrDefault(a.UnitId) ?? "",
                pending,
                MayRequestExtension: ownActive && pending is null && a.DueOn < ExtensionService.LatestDueOn(a),
                MayReturn: ownActive && await returns.WithinReturnWindowAsync(a),
                ReturnDeadline: await returns.ReturnDeadlineAsync(a),
                MayReassign: assign && a.Status == AssignmentStatus.Returned,
                MayDecideExtension: decide && pending is not null));
        }

        var own = handle
            ? proposal.Assignments.Where(a => a.Role == HandlingRole.Co && a.Status != AssignmentStatus.Replaced && mine.Contains(a.UnitId)).MinBy(a => a.Id)
            : null;
        var coIds = proposal.Assignments.Where(a => a.Role == HandlingRole.Co).Select(a => a.Id).ToList();
        var coStatus = await db.Set<CoHandlingOpinion>().AsNoTracking()
            .Where(o => coIds.Contains(o.AssignmentId))
            .Select(o => new { o.AssignmentId, o.Status })
            .ToListAsync();
        var visible = await access.Scope.VisibleAsync(user);
        return new HandlingPanelModel
        {
            ProposalId = proposal.Id,
            Assignments = rows,
            ConsultationCount = await db.Set<Consultation>().CountAsync(c => c.ProposalId == proposal.Id),
            MayRecordConsultation = (await consultations.RecordingUnitsAsync(proposal, user)).Count > 0,
            OwnCoAssignmentId = own?.Id,
            OwnCoOpinionStatus = own is null ? null : coStatus.FirstOrDefault(s => s.AssignmentId == own.Id)?.Status,
            MayReadCoOpinions = coIds.Count > 0 && await coOpinions.MayReadSubmittedAsync(proposal, user),
            CoOpinionsSubmitted = coStatus.Count(s => s.Status == CoOpinionStatus.Submitted),
            CoUnits = proposal.Assignments.Count(a => a.Role == HandlingRole.Co && a.Status != AssignmentStatus.Replaced),
            MayMerge = assign && proposal.Status is ProposalStatus.Registered or ProposalStatus.Assigned or ProposalStatus.InProgress,
            MergedIntoId = proposal.MergedIntoId,
            MergedIntoNumber = proposal.MergedIntoId is { } intoId
                ? await visible.Where(p => p.Id == intoId).Select(p => p.Number).FirstOrDefaultAsync()
                : null,
            MergedHereCount = await visible.CountAsync(p => p.MergedIntoId == proposal.Id),
        };
    }
}
