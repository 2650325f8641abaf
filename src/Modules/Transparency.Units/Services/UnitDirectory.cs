using Microsoft.EntityFrameworkCore;
using Transparency.Core.Units;
using Transparency.Data;
using Transparency.Units.Models;

namespace Transparency.Units.Services;

public sealed class UnitDirectory(TransparencyDbContext db) : IUnitDirectory
{
    public async Task<IReadOnlyList<UnitInfo>> ListAsync(CancellationToken cancellationToken = default)
        => await db.Set<Unit>().AsNoTracking()
            .OrderBy(u => u.Name)
            .Select(u => new UnitInfo(u.Id, u.Name, u.ShortName, u.IsInternal, u.ParentId))
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<UnitInfo>> FindAsync(IEnumerable<int> ids, CancellationToken cancellationToken = default)
    {
        var wanted = ids.Distinct().ToList();
        return await db.Set<Unit>().AsNoTracking()
            .Where(u => wanted.Contains(u.Id))
            .OrderBy(u => u.Name)
            .Select(u => new UnitInfo(u.Id, u.Name, u.ShortName, u.IsInternal, u.ParentId))
            .ToListAsync(cancellationToken);
    }
}
