using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Transparency.Data;

/// <summary>
/// A transaction that a service owns only when none is running: inside a recipe (which runs all its
/// steps in one transaction) the service joins the recipe's transaction instead of starting its own.
/// </summary>
public sealed class UnitOfWork : IAsyncDisposable
{
    private readonly IDbContextTransaction? _owned;

    private UnitOfWork(IDbContextTransaction? owned) => _owned = owned;

    /// <summary>Begins a transaction, or joins the current one.</summary>
    public static async Task<UnitOfWork> BeginAsync(DbContext db, CancellationToken cancellationToken = default)
        => new(db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null);

    /// <summary>Commits when this unit of work started the transaction; otherwise the owner commits.</summary>
    public Task CommitAsync(CancellationToken cancellationToken = default)
        => _owned?.CommitAsync(cancellationToken) ?? Task.CompletedTask;

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _owned?.DisposeAsync() ?? ValueTask.CompletedTask;
}
