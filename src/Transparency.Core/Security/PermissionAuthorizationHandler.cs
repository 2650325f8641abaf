using Microsoft.AspNetCore.Authorization;

namespace Transparency.Core.Security;

/// <summary>Checks a <see cref="PermissionRequirement"/> against the permissions stored for the user's roles.</summary>
public sealed class PermissionAuthorizationHandler(IPermissionService permissions) : AuthorizationHandler<PermissionRequirement>
{
    /// <inheritdoc />
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        if (await permissions.HasPermissionAsync(context.User, requirement.Permission))
        {
            context.Succeed(requirement);
        }
    }
}
