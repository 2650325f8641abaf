using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Transparency.Core.Security;
using Transparency.Core.Units;
using Transparency.Data;
using Transparency.Proposals.Models;

namespace Transparency.Proposals.Services;

/// <summary>
/// Unit scoping, in one place: every query of proposals (and of what hangs off them) starts here.
/// A user with <c>Proposals.ViewAll</c> sees all; a user with <c>Proposals.View</c> sees the proposals on
/// which one of their units has an assignment that was not reassigned away; anyone else sees nothing.
/// </summary>
public sealed class ProposalScope(TransparencyDbContext db, IPermissionService permissions, IUserUnits userUnits)
{
    private IReadOnlyList<int>? _units;

    public async Task<IQueryable<Proposal>> VisibleAsync(ClaimsPrincipal user)
    {
        if (await permissions.HasPermissionAsync(user, ProposalsPermissions.ViewAll))
        {
            return db.Set<Proposal>();
        }

        if (!await permissions.HasPermissionAsync(user, ProposalsPermissions.View))
        {
            return db.Set<Proposal>().Where(_ => false);
        }

        var units = await UnitsOfAsync(user);
        return db.Set<Proposal>().Where(p => p.Assignments.Any(a => units.Contains(a.UnitId) && a.Status != AssignmentStatus.Replaced));
    }

    /// <summary>True when the user sees every proposal, whatever their units.</summary>
    public Task<bool> SeesAllAsync(ClaimsPrincipal user) => permissions.HasPermissionAsync(user, ProposalsPermissions.ViewAll);

    /// <summary>The visible proposal with its session, category, representatives and assignments; null when not visible.</summary>
    public async Task<Proposal?> FindAsync(int id, ClaimsPrincipal user)
        => await (await VisibleAsync(user))
            .Include(p => p.Session)
            .Include(p => p.Category)
            .Include(p => p.Representatives).ThenInclude(r => r.Representative)
            .Include(p => p.Assignments).ThenInclude(a => a.Extensions)
            .AsSplitQuery()
            .FirstOrDefaultAsync(p => p.Id == id);

    /// <summary>The user's units.</summary>
    public async Task<IReadOnlyList<int>> UnitsOfAsync(ClaimsPrincipal user)
        => _units ??= user.FindFirstValue(ClaimTypes.NameIdentifier) is { } id ? await userUnits.GetUnitIdsAsync(id) : [];

    /// <summary>True when the user may act for <paramref name="unitId"/>: a member of it.</summary>
    public async Task<bool> ActsForAsync(ClaimsPrincipal user, int unitId)
        => (await UnitsOfAsync(user)).Contains(unitId);
}
