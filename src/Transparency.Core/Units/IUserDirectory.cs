namespace Transparency.Core.Units;

/// <summary>Finds staff users to notify, for modules that must not reach into the users module.</summary>
public interface IUserDirectory
{
    /// <summary>The user names of the members of these units.</summary>
    Task<IReadOnlyList<string>> UserNamesInUnitsAsync(IEnumerable<int> unitIds, CancellationToken cancellationToken = default);

    /// <summary>The user names of the users whose roles grant <paramref name="permission"/> (administrators excluded).</summary>
    Task<IReadOnlyList<string>> UserNamesWithPermissionAsync(string permission, CancellationToken cancellationToken = default);
}
