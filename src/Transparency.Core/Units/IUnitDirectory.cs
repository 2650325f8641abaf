namespace Transparency.Core.Units;

/// <summary>Read access to the organisation units, for modules that must not reach into the Units module.</summary>
public interface IUnitDirectory
{
    /// <summary>All units, ordered by name.</summary>
    Task<IReadOnlyList<UnitInfo>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>The units with these ids; unknown ids are left out.</summary>
    Task<IReadOnlyList<UnitInfo>> FindAsync(IEnumerable<int> ids, CancellationToken cancellationToken = default);
}

/// <summary>A unit as other modules see it.</summary>
/// <param name="Id">Key.</param>
/// <param name="Name">Full name, e.g. 市城市管理局市容环境科.</param>
/// <param name="ShortName">Short name, e.g. 市容环境科.</param>
/// <param name="IsInternal">True for the bureau's own units, which have staff accounts.</param>
/// <param name="ParentId">The parent unit, if any.</param>
public sealed record UnitInfo(int Id, string Name, string ShortName, bool IsInternal, int? ParentId);
