using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Transparency.Data;

/// <summary>
/// EF caches one model per context type; hosts with different module sets (tests, disabled modules)
/// need one model per set.
/// </summary>
public sealed class ModelCompositionCacheKeyFactory : IModelCacheKeyFactory
{
    /// <inheritdoc />
    public object Create(DbContext context, bool designTime)
        => context is TransparencyDbContext transparency
            ? (context.GetType(), transparency.CompositionKey, designTime)
            : (object)(context.GetType(), designTime);
}
