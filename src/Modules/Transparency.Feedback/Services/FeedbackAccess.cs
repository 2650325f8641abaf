using System.Security.Claims;
using Transparency.Core.Proposals;
using Transparency.Core.Security;
using Transparency.Core.Units;

namespace Transparency.Feedback.Services;

/// <summary>Who may do what in the back office: permissions, and proposals seen through the Proposals module's unit scoping.</summary>
public sealed class FeedbackAccess(IPermissionService permissions, IProposalDirectory proposals, IUserUnits userUnits)
{
    public static string Name(ClaimsPrincipal user) => user.Identity?.Name ?? "system";

    public async Task RequireAsync(ClaimsPrincipal user, string permission)
    {
        if (!await permissions.HasPermissionAsync(user, permission))
        {
            throw new UnauthorizedAccessException($"此项操作需要“{permission}”权限。");
        }
    }

    public Task<bool> HasAsync(ClaimsPrincipal user, string permission) => permissions.HasPermissionAsync(user, permission);

    /// <summary>The proposal if the staff user sees it; <see cref="FeedbackNotFoundException"/> otherwise.</summary>
    public async Task<ProposalInfo> VisibleProposalAsync(int proposalId, ClaimsPrincipal user)
        => await proposals.FindVisibleAsync(proposalId, user) ?? throw new FeedbackNotFoundException();

    /// <summary>The user's units.</summary>
    public async Task<IReadOnlyList<int>> UnitsOfAsync(ClaimsPrincipal user)
        => user.FindFirstValue(ClaimTypes.NameIdentifier) is { } id ? await userUnits.GetUnitIdsAsync(id) : [];
}
