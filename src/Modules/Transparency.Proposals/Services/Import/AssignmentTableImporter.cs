using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Transparency.Core.Audit;
using Transparency.Core.Calendar;
using Transparency.Core.Units;
using Transparency.Data;
using Transparency.Proposals.Models;

namespace Transparency.Proposals.Services.Import;

/// <summary>
/// Imports the assignment table (交办任务分解表): <see cref="PlanAsync"/> reads and checks a file and says what would be
/// written (the preview, which writes nothing); <see cref="WriteAsync"/> writes a plan without errors — every row, their
/// new representatives, assignments with deadlines and audit events — in one transaction, or nothing.
/// Reference data is loaded once and deadlines are computed from one read of the calendar, never per row.
/// </summary>
public sealed class AssignmentTableImporter(
    TransparencyDbContext db,
    IUnitDirectory unitDirectory,
    IWorkingDayCalendar calendar,
    IAuditTrail audit,
    TimeProvider clock)
{
    /// <summary>Reads, checks and plans an import; writes nothing.</summary>
    public async Task<ImportPlan> PlanAsync(byte[] content, ImportFormat format, int sessionId, ProposalKind kind, CancellationToken cancellationToken = default)
    {
        var session = await db.Set<Session>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
        if (session is null)
        {
            return ImportPlan.Failed(null, kind, new ImportError(null, null, "请选择届次。"));
        }

        var (raw, readError) = AssignmentTableReader.Read(content, format);
        if (readError is not null)
        {
            return ImportPlan.Failed(session, kind, readError);
        }

        var plan = AssignmentTableValidator.Validate(ImportTable.Parse(raw), await LoadReferenceAsync(session, cancellationToken), kind);
        return plan.Proposals.Count == 0 ? plan : await WithDeadlinesAsync(plan, session, cancellationToken);
    }

    /// <summary>
    /// Writes a valid plan in one transaction: new representatives, proposals (status Assigned), their representatives and
    /// assignments in bulk statements (<see cref="BulkInsert"/>), then one audit event per proposal and a summary event.
    /// </summary>
    public async Task<ImportResult> WriteAsync(ImportPlan plan, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (!plan.IsValid)
        {
            throw new InvalidOperationException("Only a plan without errors can be written.");
        }

        var session = plan.Session!;
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false; // ten thousand audit events: no scan of the tracker per Add
        try
        {
            await using var transaction = await UnitOfWork.BeginAsync(db, cancellationToken);
            var representatives = new Dictionary<string, int>(await LoadRepresentativesAsync(session, cancellationToken), StringComparer.Ordinal);
            var created = plan.Proposals.SelectMany(p => p.Representatives).Where(n => !representatives.ContainsKey(n)).Distinct(StringComparer.Ordinal)
                .Select(n => new Representative { Name = n, Kind = RepresentativeKindOf(session) }).ToList();
            foreach (var row in await BulkInsert.InsertAsync(db, created, [nameof(Representative.Id), nameof(Representative.Name)], cancellationToken))
            {
                representatives[(string)row[1]] = Convert.ToInt32(row[0], CultureInfo.InvariantCulture);
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var proposals = plan.Proposals.Select(p => Build(p, session, plan.Kind, now)).ToList();
            var ids = (await BulkInsert.InsertAsync(db, proposals, [nameof(Proposal.Id), nameof(Proposal.Number)], cancellationToken))
                .ToDictionary(row => (string)row[1], row => Convert.ToInt32(row[0], CultureInfo.InvariantCulture), StringComparer.Ordinal);
            var links = new List<ProposalRepresentative>();
            var assignments = new List<Assignment>();
            for (var i = 0; i < proposals.Count; i++)
            {
                var proposal = proposals[i];
                proposal.Id = ids[proposal.Number];
                links.AddRange(plan.Proposals[i].Representatives.Select((name, position) =>
                    new ProposalRepresentative { ProposalId = proposal.Id, RepresentativeId = representatives[name], Position = position }));
                assignments.AddRange(Assignments(plan.Proposals[i], proposal.Id));
            }

            await BulkInsert.InsertAsync(db, links, [], cancellationToken);
            await BulkInsert.InsertAsync(db, assignments, [], cancellationToken);

            foreach (var proposal in proposals)
            {
                audit.Record(new AuditEntry("Proposals", "Imported", Proposal.SubjectId(proposal.Id),
                    $"导入交办任务分解表，登记并交办第{proposal.Number}号：{proposal.Title}") { ToState = nameof(ProposalStatus.Assigned) });
            }

            audit.Record(new AuditEntry("Proposals", "TableImported", $"session:{session.Id}",
                $"导入交办任务分解表：{proposals.Count} 件（{session.Name}，{ProposalText.Of(plan.Kind)}；交办 {assignments.Count} 项，新增代表委员 {created.Count} 名）"));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new ImportResult(session.Id, session.Name, proposals.Count, assignments.Count, created.Count);
        }
        catch
        {
            db.ChangeTracker.Clear(); // the audit events of a failed import must not be saved by a later SaveChanges
            throw;
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    /// <summary>Plans and, when the file has no errors, writes; returns the plan (with its errors) and the result when written.</summary>
    public async Task<(ImportPlan Plan, ImportResult? Result)> ImportAsync(byte[] content, ImportFormat format, int sessionId, ProposalKind kind, CancellationToken cancellationToken = default)
    {
        var plan = await PlanAsync(content, format, sessionId, kind, cancellationToken);
        if (!plan.IsValid)
        {
            return (plan, null);
        }

        try
        {
            return (plan, await WriteAsync(plan, cancellationToken));
        }
        catch (Exception e) when (e is DbException or DbUpdateException)
        {
            // Typically another import or registration took a number between the check and the write; the transaction rolled back.
            return (ImportPlan.Failed(plan.Session, plan.Kind,
                new ImportError(null, null, "保存失败（可能其间有人登记了相同编号的建议提案），未导入任何内容。请重新上传并预览。")), null);
        }
    }

    private static Proposal Build(PlannedProposal p, Session session, ProposalKind kind, DateTime now) => new()
    {
        SessionId = session.Id,
        Kind = kind,
        Number = p.Number,
        Title = p.Title,
        Body = p.Body,
        CategoryId = p.CategoryId,
        IsKey = p.IsKey,
        ReceivedOn = p.AssignedOn,
        Status = ProposalStatus.Assigned,
        CreatedUtc = now,
    };

    private static IEnumerable<Assignment> Assignments(PlannedProposal p, int proposalId)
    {
        Assignment Create(int unitId, HandlingRole role, DateOnly due) => new()
        {
            ProposalId = proposalId,
            UnitId = unitId,
            Role = role,
            AssignedOn = p.AssignedOn,
            RuleDueOn = due,
            DueOn = due,
            Status = AssignmentStatus.Active,
        };

        if (p.LeadUnitId is { } lead)
        {
            yield return Create(lead, HandlingRole.Lead, p.ReplyDueOn);
        }

        foreach (var unit in p.CoUnitIds)
        {
            yield return Create(unit, HandlingRole.Co, p.CoDueOn);
        }

        foreach (var unit in p.SplitUnitIds)
        {
            yield return Create(unit, HandlingRole.Split, p.ReplyDueOn);
        }
    }

    /// <summary>Representatives of a people's congress session are deputies; of a CPPCC session, members.</summary>
    private static RepresentativeKind RepresentativeKindOf(Session session)
        => session.Kind == SessionKind.Npc ? RepresentativeKind.Deputy : RepresentativeKind.Member;

    private async Task<ImportPlan> WithDeadlinesAsync(ImportPlan plan, Session session, CancellationToken cancellationToken)
    {
        var first = plan.Proposals.Min(p => p.AssignedOn);
        var last = plan.Proposals.Max(p => p.AssignedOn);
        var deadlines = await DeadlineCalculator.LoadAsync(calendar, first, last, Math.Max(session.ReplyMonths, session.CoOpinionMonths), cancellationToken);
        var memo = new Dictionary<(DateOnly, int), DateOnly>();
        DateOnly Due(DateOnly start, int months)
        {
            if (!memo.TryGetValue((start, months), out var due))
            {
                memo[(start, months)] = due = deadlines.AddMonths(start, months);
            }

            return due;
        }

        return new ImportPlan
        {
            Session = plan.Session,
            Kind = plan.Kind,
            Errors = plan.Errors,
            RowCount = plan.RowCount,
            NewRepresentatives = plan.NewRepresentatives,
            Units = plan.Units,
            Categories = plan.Categories,
            Proposals = plan.Proposals
                .Select(p => p with { ReplyDueOn = Due(p.AssignedOn, session.ReplyMonths), CoDueOn = Due(p.AssignedOn, session.CoOpinionMonths) })
                .ToList(),
        };
    }

    private async Task<ImportReferenceData> LoadReferenceAsync(Session session, CancellationToken cancellationToken)
    {
        var units = await unitDirectory.ListAsync(cancellationToken);
        var categories = await db.Set<Category>().AsNoTracking().ToDictionaryAsync(c => c.Name, c => c.Id, StringComparer.Ordinal, cancellationToken);
        var numbers = await db.Set<Proposal>().AsNoTracking().Where(p => p.SessionId == session.Id).Select(p => p.Number).ToListAsync(cancellationToken);
        return new ImportReferenceData(session, units, categories, await LoadRepresentativesAsync(session, cancellationToken), numbers.ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>Name → id of the representatives of the session's kind; the oldest wins when two share a name.</summary>
    private async Task<IReadOnlyDictionary<string, int>> LoadRepresentativesAsync(Session session, CancellationToken cancellationToken)
    {
        var kind = RepresentativeKindOf(session);
        var rows = await db.Set<Representative>().AsNoTracking().Where(r => r.Kind == kind).OrderBy(r => r.Id)
            .Select(r => new { r.Id, r.Name }).ToListAsync(cancellationToken);
        var byName = new Dictionary<string, int>(rows.Count, StringComparer.Ordinal);
        foreach (var row in rows)
        {
            byName.TryAdd(row.Name, row.Id);
        }

        return byName;
    }
}
