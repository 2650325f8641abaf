namespace Transparency.Core.Security;

/// <summary>A named right that roles grant, e.g. <c>Admin.Roles</c>.</summary>
/// <param name="Name">Stable name used in code, recipes and policies.</param>
/// <param name="Description">What the permission allows, in the default culture.</param>
/// <param name="Group">The heading under which the role editor lists it.</param>
public sealed record Permission(string Name, string Description, string Group)
{
    /// <summary>The prefix of authorization policies that require one permission.</summary>
    public const string PolicyPrefix = "Permission:";

    /// <summary>The policy name that requires this permission.</summary>
    public string PolicyName => PolicyPrefix + Name;
}
