using Microsoft.AspNetCore.Authorization;

namespace Transparency.Core.Security;

/// <summary>An authorization requirement satisfied when the user's roles grant the permission.</summary>
/// <param name="Permission">The permission's name.</param>
public sealed record PermissionRequirement(string Permission) : IAuthorizationRequirement;
