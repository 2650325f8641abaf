using Microsoft.EntityFrameworkCore;
using Transparency.AuditTrail.Models;
using Transparency.Core.Audit;
using Transparency.Data;

namespace Transparency.AuditTrail.Services;

public sealed class AuditTrailReader(TransparencyDbContext db) : IAuditTrailReader
{
    public async Task<IReadOnlyList<AuditRecord>> ForSubjectAsync(string subjectId, CancellationToken cancellationToken = default)
        => await db.Set<AuditEvent>().AsNoTracking()
            .Where(e => e.SubjectId == subjectId)
            .OrderBy(e => e.Id)
            .Select(e => new AuditRecord(e.Id, e.OccurredUtc, e.Actor, e.Category, e.Action, e.SubjectId, e.Summary, e.FromState, e.ToState, e.Comment))
            .ToListAsync(cancellationToken);
}
