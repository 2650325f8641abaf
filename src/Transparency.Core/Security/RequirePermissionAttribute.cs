using Microsoft.AspNetCore.Authorization;

namespace Transparency.Core.Security;

/// <summary>Requires the signed-in user to hold a permission through one of their roles.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true)]
public sealed class RequirePermissionAttribute : AuthorizeAttribute
{
    /// <summary>Requires <paramref name="permission"/>.</summary>
    public RequirePermissionAttribute(string permission) : base(Security.Permission.PolicyPrefix + permission)
    {
        Permission = permission;
    }

    /// <summary>The required permission's name.</summary>
    public string Permission { get; }
}
