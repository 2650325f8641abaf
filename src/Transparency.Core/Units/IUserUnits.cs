namespace Transparency.Core.Units;

/// <summary>Which units a staff user belongs to; the basis of unit scoping in every module's queries.</summary>
public interface IUserUnits
{
    /// <summary>The ids of the units the user belongs to (empty for users of no unit).</summary>
    Task<IReadOnlyList<int>> GetUnitIdsAsync(string userId, CancellationToken cancellationToken = default);
}
