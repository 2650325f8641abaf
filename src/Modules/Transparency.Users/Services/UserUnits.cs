using Microsoft.EntityFrameworkCore;
using Transparency.Core.Units;
using Transparency.Data;
using Transparency.Users.Models;

namespace Transparency.Users.Services;

public sealed class UserUnits(TransparencyDbContext db) : IUserUnits
{
    public async Task<IReadOnlyList<int>> GetUnitIdsAsync(string userId, CancellationToken cancellationToken = default)
        => await db.Set<UserUnit>().Where(u => u.UserId == userId).Select(u => u.UnitId).ToListAsync(cancellationToken);
}
