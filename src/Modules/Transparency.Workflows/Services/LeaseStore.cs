using Microsoft.EntityFrameworkCore;
using Transparency.Data;
using Transparency.Workflows.Models;

namespace Transparency.Workflows.Services;

/// <summary>
/// Named database leases (<c>workflows_leases</c>): one conditional UPDATE decides which node holds a lease, so work
/// that must happen once per cluster (the reminder scan) runs on one node at a time; a node that dies loses the
/// lease when it expires.
/// </summary>
public sealed class LeaseStore(TransparencyDbContext db, TimeProvider clock)
{
    /// <summary>Takes or renews the lease for <paramref name="holder"/>; false while another node holds it.</summary>
    public async Task<bool> TryAcquireAsync(string name, string holder, TimeSpan duration, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now.Add(duration);
        var updated = await db.Set<Lease>().Where(l => l.Name == name && (l.Holder == holder || l.ExpiresUtc < now))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, holder).SetProperty(l => l.ExpiresUtc, until), ct);
        if (updated == 1)
        {
            return true;
        }

        if (await db.Set<Lease>().AnyAsync(l => l.Name == name, ct))
        {
            return false;
        }

        db.Add(new Lease { Name = name, Holder = holder, ExpiresUtc = until });
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear(); // another node created it first
            return false;
        }
    }

    /// <summary>When the named work last ran (by whichever node).</summary>
    public async Task<DateTime?> LastRunAsync(string name, CancellationToken ct)
        => await db.Set<Lease>().Where(l => l.Name == name).Select(l => l.LastRunUtc).FirstOrDefaultAsync(ct);

    /// <summary>Records that the holder finished the work now; false when it no longer holds the lease.</summary>
    public async Task<bool> MarkRunAsync(string name, string holder, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.Set<Lease>().Where(l => l.Name == name && l.Holder == holder)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.LastRunUtc, now), ct) == 1;
    }
}
