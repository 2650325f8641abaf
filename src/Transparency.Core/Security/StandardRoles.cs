namespace Transparency.Core.Security;

/// <summary>Names the kernel knows about.</summary>
public static class StandardRoles
{
    /// <summary>The administrator role: it holds every permission, including those of modules added later.</summary>
    public const string Administrator = "Administrator";

    /// <summary>A marker in a permission set meaning "every permission".</summary>
    public const string AllPermissions = "*";
}
