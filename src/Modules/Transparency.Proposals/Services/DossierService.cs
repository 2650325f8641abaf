using Transparency.Core.Files;
using System.IO.Compression;
using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Transparency.Core.Audit;
using Transparency.Core.Proposals;
using Transparency.Core.Units;
using Transparency.Data;
using Transparency.Proposals.Models;

namespace Transparency.Proposals.Services;

/// <summary>
/// Builds the dossier of a proposal the user may see (unit scoping through <see cref="ProposalScope"/>), and its
/// .zip archive: <c>dossier.json</c> with the whole record plus every attachment.
/// </summary>
public sealed class DossierService(
    TransparencyDbContext db,
    ProposalScope scope,
    IUnitDirectory units,
    IAuditTrailReader audit,
    AttachmentStore attachments,
    IEnumerable<IDossierContributor> contributors)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
        Converters = { new JsonStringEnumConverter() },
    };

    public async Task<Dossier?> LoadAsync(int id, ClaimsPrincipal user)
    {
        var proposal = await scope.FindAsync(id, user);
        if (proposal is null)
        {
            return null;
        }

        var userUnits = await scope.UnitsOfAsync(user);
        var seesAll = await scope.SeesAllAsync(user);
        var leadUnits = proposal.Assignments.Where(a => a.Role != HandlingRole.Co).Select(a => a.UnitId).ToList();
        var opinions = await db.Set<CoHandlingOpinion>().AsNoTracking()
            .Where(o => o.Assignment.ProposalId == id)
            .ToListAsync();

        // Co-opinions: drafts only to their own unit; submitted ones to the lead units and to those who see all.
        var visibleOpinions = opinions.Where(o =>
        {
            var unit = proposal.Assignments.First(a => a.Id == o.AssignmentId).UnitId;
            return userUnits.Contains(unit) || (o.Status == CoOpinionStatus.Submitted && (seesAll || leadUnits.Any(userUnits.Contains)));
        }).ToList();
        return new Dossier(
            proposal,
            (await units.ListAsync()).ToDictionary(u => u.Id),
            await db.Set<Consultation>().AsNoTracking().Where(c => c.ProposalId == id).OrderBy(c => c.Date).ToListAsync(),
            visibleOpinions,
            await audit.ForSubjectAsync(Proposal.SubjectId(id)),
            await PartsAsync(id, user));
    }

    private async Task<IReadOnlyList<DossierPart>> PartsAsync(int id, ClaimsPrincipal user)
    {
        var parts = new List<DossierPart>();
        foreach (var contributor in contributors)
        {
            if (await contributor.ContributeAsync(id, user) is { } part)
            {
                parts.Add(part);
            }
        }

        return parts;
    }

    /// <summary>The archive: dossier.json, the attachments under attachments/, and other modules' documents under their key.</summary>
    public async Task<byte[]> ArchiveAsync(Dossier dossier)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            var record = zip.CreateEntry("dossier.json", CompressionLevel.Optimal);
            await using (var stream = await record.OpenAsync())
            {
                await JsonSerializer.SerializeAsync(stream, Record(dossier), Json);
            }

            foreach (var c in dossier.Consultations.Where(c => c.AttachmentPath is not null))
            {
                await using var content = attachments.OpenRead(c.AttachmentPath!);
                if (content is not null)
                {
                    var entry = zip.CreateEntry($"attachments/consultation-{c.Id}-{Path.GetFileName(c.AttachmentName ?? "file")}", CompressionLevel.Optimal);
                    await using var target = await entry.OpenAsync();
                    await content.CopyToAsync(target);
                }
            }

            foreach (var part in dossier.Parts)
            {
                foreach (var file in part.Files)
                {
                    var entry = zip.CreateEntry($"{part.Key}/{Path.GetFileName(file.Name)}", CompressionLevel.Optimal);
                    await using var target = await entry.OpenAsync();
                    await using var content = await file.Open();
                    await content.CopyToAsync(target);
                }
            }
        }

        return buffer.ToArray();
    }

    private static object Record(Dossier d)
    {
        var p = d.Proposal;
        string Unit(int id) => d.Units.TryGetValue(id, out var u) ? u.Name : id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new
        {
            proposal = new
            {
                p.Id, session = p.Session.Name, p.Kind, p.Number, p.Title, p.Body, category = p.Category?.Name, key = p.IsKey,
                p.ReceivedOn, p.Status, p.MergedIntoId,
                representatives = p.Representatives.OrderBy(r => r.Position).Select(r => new
                {
                    r.Representative.Name, r.Representative.Delegation, lead = r.Position == 0,
                }),
            },
            assignments = p.Assignments.Select(a => new
            {
                a.Id, unit = Unit(a.UnitId), a.Role, a.AssignedOn, a.RuleDueOn, a.DueOn, a.Status, a.ReturnReason, a.ReturnedOn, a.ReplacesId,
                extensions = a.Extensions.Select(e => new { e.RequestedDueOn, e.Reason, e.Status, e.RequestedBy, e.DecidedBy, e.DecisionComment }),
            }),
            consultations = d.Consultations.Select(c => new
            {
                c.Date, unit = Unit(c.UnitId), c.Mode, c.Stage, c.Participants, c.Notes, c.AttachmentName, c.RecordedBy,
            }),
            coOpinions = d.CoOpinions.Select(o => new
            {
                unit = Unit(p.Assignments.First(a => a.Id == o.AssignmentId).UnitId), o.Status, o.DueOn, o.Text, o.SubmittedBy, o.SubmittedUtc,
            }),
            parts = d.Parts.ToDictionary(part => part.Key, part => part.Entries.Select(e => new
            {
                e.Title, facts = e.Facts.Select(f => new { label = f.Key, value = f.Value }), html = e.Html,
            })),
            audit = d.Events.Select(e => new { e.OccurredUtc, e.Actor, e.Action, e.FromState, e.ToState, e.Summary, e.Comment }),
        };
    }
}
