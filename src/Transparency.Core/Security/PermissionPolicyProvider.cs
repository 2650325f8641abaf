using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace Transparency.Core.Security;

/// <summary>Builds a policy on demand for every name of the form <c>Permission:&lt;name&gt;</c>.</summary>
public sealed class PermissionPolicyProvider(IOptions<AuthorizationOptions> options, PermissionRegistry registry)
    : DefaultAuthorizationPolicyProvider(options)
{
    /// <inheritdoc />
    public override async Task<AuthorizationPolicy?> GetPolicyAsync(string policyName)
    {
        if (!policyName.StartsWith(Permission.PolicyPrefix, StringComparison.Ordinal))
        {
            return await base.GetPolicyAsync(policyName);
        }

        var name = policyName[Permission.PolicyPrefix.Length..];
        if (!registry.Contains(name))
        {
            // A typo in an attribute must not silently lock everyone out or let everyone in.
            throw new InvalidOperationException($"Endpoint requires permission '{name}', which no module declares.");
        }

        return new AuthorizationPolicyBuilder()
            .RequireAuthenticatedUser()
            .AddRequirements(new PermissionRequirement(name))
            .Build();
    }
}
