using Transparency.AuditTrail.Models;
using Transparency.Core.Audit;
using Transparency.Data;

namespace Transparency.AuditTrail.Services;

/// <summary>Adds events to the current DbContext so they commit with the change they describe.</summary>
public sealed class AuditTrail(TransparencyDbContext db, TimeProvider clock, IHttpContextAccessor http) : IAuditTrail
{
    public void Record(AuditEntry entry)
    {
        db.Set<AuditEvent>().Add(new AuditEvent
        {
            OccurredUtc = clock.GetUtcNow().UtcDateTime,
            Actor = entry.Actor ?? http.HttpContext?.User.Identity?.Name ?? "system",
            Category = entry.Category,
            Action = entry.Action,
            SubjectId = entry.SubjectId,
            Summary = entry.Summary,
            FromState = entry.FromState,
            ToState = entry.ToState,
            Comment = entry.Comment,
        });
    }
}
