using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Transparency.Core.Security;
using Transparency.Core.Units;
using Transparency.Proposals.Models;

namespace Transparency.Proposals.Services;

/// <summary>
/// The checks every handling action starts with: the permission (403), the proposal in the user's scope (404,
/// read through <see cref="ProposalScope"/>), and the unit the user acts for (403).
/// </summary>
public sealed class HandlingAccess(ProposalScope scope, IPermissionService permissions, IUnitDirectory units)
{
    public ProposalScope Scope => scope;

    /// <summary>Throws <see cref="UnauthorizedAccessException"/> without <paramref name="permission"/>.</summary>
    public async Task RequireAsync(ClaimsPrincipal user, string permission)
    {
        if (!await permissions.HasPermissionAsync(user, permission))
        {
            throw new UnauthorizedAccessException($"此项操作需要“{permission}”权限。");
        }
    }

    public Task<bool> HasAsync(ClaimsPrincipal user, string permission) => permissions.HasPermissionAsync(user, permission);

    /// <summary>The visible proposal with its assignments and their extensions; <see cref="ProposalNotVisibleException"/> otherwise.</summary>
    public async Task<Proposal> ProposalAsync(int proposalId, ClaimsPrincipal user)
        => await scope.FindAsync(proposalId, user) ?? throw new ProposalNotVisibleException();

    /// <summary>The assignment and its (visible) proposal; <see cref="ProposalNotVisibleException"/> otherwise.</summary>
    public async Task<(Proposal Proposal, Assignment Assignment)> AssignmentAsync(int assignmentId, ClaimsPrincipal user)
    {
        var proposalId = await (await scope.VisibleAsync(user))
            .SelectMany(p => p.Assignments)
            .Where(a => a.Id == assignmentId)
            .Select(a => (int?)a.ProposalId)
            .FirstOrDefaultAsync();
        var proposal = proposalId is { } id ? await scope.FindAsync(id, user) : null;
        var assignment = proposal?.Assignments.FirstOrDefault(a => a.Id == assignmentId);
        return proposal is null || assignment is null ? throw new ProposalNotVisibleException() : (proposal, assignment);
    }

    /// <summary>Throws <see cref="UnauthorizedAccessException"/> unless the user is a member of <paramref name="unitId"/>.</summary>
    public async Task RequireUnitAsync(ClaimsPrincipal user, int unitId)
    {
        if (!await scope.ActsForAsync(user, unitId))
        {
            throw new UnauthorizedAccessException($"您不是{await UnitNameAsync(unitId)}的工作人员，不能代表该单位办理。");
        }
    }

    /// <summary>Short names of units by id (unknown ids are left out).</summary>
    public async Task<IReadOnlyDictionary<int, string>> UnitNamesAsync(IEnumerable<int> unitIds)
        => (await units.FindAsync(unitIds.Distinct())).ToDictionary(u => u.Id, u => u.ShortName);

    public async Task<string> UnitNameAsync(int unitId)
        => (await UnitNamesAsync([unitId])).TryGetValue(unitId, out var name) ? name : $"单位{unitId}";

    /// <summary>True while the proposal is being handled, so units may still act on their assignments.</summary>
    public static bool IsInHandling(Proposal proposal)
        => proposal.Status is ProposalStatus.Assigned or ProposalStatus.InProgress or ProposalStatus.Rehandling;

    /// <summary>Refuses an action on an assignment that is not active or a proposal no longer in handling.</summary>
    public static void RequireActive(Proposal proposal, Assignment assignment, string action)
    {
        if (!IsInHandling(proposal))
        {
            throw new ProposalRuleException($"第{proposal.Number}号当前状态为“{ProposalText.Of(proposal.Status)}”，不能{action}。");
        }

        if (assignment.Status != AssignmentStatus.Active)
        {
            throw new ProposalRuleException($"该项交办当前状态为“{ProposalText.Of(assignment.Status)}”，不能{action}。");
        }
    }
}
