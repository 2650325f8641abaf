using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Transparency.Core.Audit;
using Transparency.Core.Recipes;
using Transparency.Core.Units;
using Transparency.Data;
using Transparency.Proposals.Models;
using Transparency.Proposals.Services;

namespace Transparency.Proposals.Recipes;

/// <summary>
/// <c>{ "name": "Proposals", "session": "市十六届人大三次会议", "proposals": [ { "number": "0123", "kind": "Suggestion",
/// "title": "…", "body": "…", "representatives": ["张丽萍", "…"], "category": "垃圾分类", "key": false,
/// "receivedOn": "2020-01-12", "assignedOn": "2020-02-20", "leadUnit": "市容环境科", "coUnits": ["市住建局"],
/// "splitUnits": [], "status": "InProgress",
/// "consultations": [ { "unit": "市容环境科", "date": "2020-06-20", "mode": "FaceToFace", "stage": "Before", "participants": "…", "notes": "…" } ],
/// "coOpinions": [ { "unit": "市容环境科", "text": "…", "submittedOn": "2020-07-01" } ] } ] }</c>.
/// Units are named by full or short name; with <c>assignedOn</c> the proposal is assigned. A number that exists in the
/// session already is refused.
/// </summary>
public sealed class ProposalsStep(
    TransparencyDbContext db,
    IUnitDirectory unitDirectory,
    AssignmentService assignments,
    IAuditTrail audit,
    TimeProvider clock) : IRecipeStep
{
    public string Name => "Proposals";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var sessionName = RecipeJson.RequiredString(context.Data, "session", "", 100);
        var session = await db.Set<Session>().FirstOrDefaultAsync(s => s.Name == sessionName, cancellationToken)
            ?? throw new RecipeStepException("session", $"unknown session '{sessionName}'.");
        var categories = await db.Set<Category>().ToDictionaryAsync(c => c.Name, c => c.Id, cancellationToken);
        var representatives = await db.Set<Representative>().ToDictionaryAsync(r => r.Name, r => r.Id, cancellationToken);
        var units = await unitDirectory.ListAsync(cancellationToken);
        var numbers = (await db.Set<Proposal>().Where(p => p.SessionId == session.Id).Select(p => p.Number).ToListAsync(cancellationToken)).ToHashSet();
        var added = new List<Proposal>();
        var pending = new List<(Proposal Proposal, JsonElement Item, string Path)>();
        var index = 0;
        foreach (var item in RecipeJson.RequiredArray(context.Data, "proposals").EnumerateArray())
        {
            var path = $"proposals[{index++}]";
            var proposal = new Proposal { Session = session, Status = ProposalStatus.Registered, CreatedUtc = clock.GetUtcNow().UtcDateTime };
            ProposalRegistrar.Apply(proposal, Input(item, path, session.Id, categories, representatives));
            if (!numbers.Add(proposal.Number))
            {
                throw new RecipeStepException($"{path}.number", $"number '{proposal.Number}' exists in session '{session.Name}' already.");
            }

            if (RecipeValues.Date(item, "assignedOn", path) is { } assignedOn)
            {
                await AssignAsync(proposal, item, path, assignedOn, units);
            }

            db.Add(proposal);
            added.Add(proposal);
            pending.Add((proposal, item, path));
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var (proposal, item, path) in pending)
        {
            AddRecords(proposal, item, path, units, context.RecipeName);
        }

        foreach (var proposal in added)
        {
            audit.Record(new AuditEntry("Proposals", "Registered", Proposal.SubjectId(proposal.Id),
                $"配置方案“{context.RecipeName}”登记第{proposal.Number}号：{proposal.Title}") { ToState = proposal.Status.ToString() });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Consultations and submitted co-handling opinions of a recorded (historical) proposal.</summary>
    private void AddRecords(Proposal proposal, JsonElement item, string path, IReadOnlyList<UnitInfo> units, string recipe)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var index = 0;
        foreach (var c in Array(item, "consultations", path))
        {
            var at = $"{path}.consultations[{index++}]";
            db.Add(new Consultation
            {
                ProposalId = proposal.Id,
                UnitId = UnitId(units, RecipeJson.RequiredString(c, "unit", at, 200), at, "unit"),
                Date = RecipeValues.Date(c, "date", at) ?? throw new RecipeStepException($"{at}.date", "is required."),
                Mode = RecipeValues.Enum(c, "mode", at, ConsultationMode.FaceToFace),
                Stage = RecipeValues.Enum(c, "stage", at, ConsultationStage.Before),
                Participants = RecipeJson.OptionalString(c, "participants", at, 500) ?? "",
                Notes = RecipeJson.OptionalString(c, "notes", at, 4000) ?? "",
                RecordedBy = $"recipe:{recipe}",
                RecordedUtc = now,
            });
        }

        index = 0;
        foreach (var o in Array(item, "coOpinions", path))
        {
            var at = $"{path}.coOpinions[{index++}]";
            var unitId = UnitId(units, RecipeJson.RequiredString(o, "unit", at, 200), at, "unit");
            var assignment = proposal.Assignments.FirstOrDefault(a => a.UnitId == unitId && a.Role == HandlingRole.Co)
                ?? throw new RecipeStepException($"{at}.unit", "is not a co-handling unit of this proposal.");
            var submittedOn = RecipeValues.Date(o, "submittedOn", at);
            db.Add(new CoHandlingOpinion
            {
                AssignmentId = assignment.Id,
                Text = RecipeJson.RequiredString(o, "text", at, 20000),
                Status = submittedOn is null ? CoOpinionStatus.Draft : CoOpinionStatus.Submitted,
                DueOn = assignment.DueOn,
                SubmittedBy = submittedOn is null ? null : $"recipe:{recipe}",
                SubmittedUtc = submittedOn?.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc),
                UpdatedUtc = now,
            });
        }
    }

    private static List<JsonElement> Array(JsonElement item, string field, string path)
        => item.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray()]
            : item.TryGetProperty(field, out var other) && other.ValueKind != JsonValueKind.Null
                ? throw new RecipeStepException($"{path}.{field}", "must be an array.")
                : [];

    private static int UnitId(IReadOnlyList<UnitInfo> units, string name, string path, string field)
        => (units.FirstOrDefault(u => u.Name == name) ?? units.FirstOrDefault(u => u.ShortName == name))?.Id
            ?? throw new RecipeStepException($"{path}.{field}", $"unknown unit '{name}'.");

    private static ProposalInput Input(JsonElement item, string path, int sessionId, Dictionary<string, int> categories, Dictionary<string, int> representatives)
    {
        var category = RecipeJson.OptionalString(item, "category", path, 50);
        int? categoryId = null;
        if (category is not null)
        {
            categoryId = categories.TryGetValue(category, out var id) ? id : throw new RecipeStepException($"{path}.category", $"unknown category '{category}'.");
        }

        var names = RecipeJson.StringArray(item, "representatives", path);
        if (names.Count == 0)
        {
            throw new RecipeStepException($"{path}.representatives", "needs at least the lead representative.");
        }

        var ids = names.Select((n, i) => representatives.TryGetValue(n, out var id)
            ? id
            : throw new RecipeStepException($"{path}.representatives[{i}]", $"unknown representative '{n}'.")).ToList();
        return new ProposalInput(
            sessionId,
            RecipeValues.Enum(item, "kind", path, ProposalKind.Suggestion),
            RecipeJson.RequiredString(item, "number", path, 20),
            RecipeJson.RequiredString(item, "title", path, ProposalRegistrar.MaxTitle),
            RecipeJson.OptionalString(item, "body", path, ProposalRegistrar.MaxBody) ?? "",
            categoryId,
            RecipeJson.OptionalBool(item, "key", path) ?? false,
            RecipeValues.Date(item, "receivedOn", path) ?? throw new RecipeStepException($"{path}.receivedOn", "is required."),
            ids);
    }

    private async Task AssignAsync(Proposal proposal, JsonElement item, string path, DateOnly assignedOn, IReadOnlyList<UnitInfo> units)
    {
        int Unit(string name, string field) => UnitId(units, name, path, field);

        var lead = RecipeJson.OptionalString(item, "leadUnit", path, 200);
        var roles = new List<(int, HandlingRole)>();
        if (lead is not null)
        {
            roles.Add((Unit(lead, "leadUnit"), HandlingRole.Lead));
        }

        var co = RecipeJson.StringArray(item, "coUnits", path);
        roles.AddRange(co.Select((n, i) => (Unit(n, $"coUnits[{i}]"), HandlingRole.Co)));
        var split = RecipeJson.StringArray(item, "splitUnits", path);
        roles.AddRange(split.Select((n, i) => (Unit(n, $"splitUnits[{i}]"), HandlingRole.Split)));
        if (roles.Count == 0)
        {
            throw new RecipeStepException($"{path}.leadUnit", "an assigned proposal needs a lead unit or split units.");
        }

        foreach (var (unitId, role) in roles)
        {
            proposal.Assignments.Add(await assignments.CreateAsync(proposal.Session, unitId, role, assignedOn));
        }

        proposal.Status = RecipeValues.Enum(item, "status", path, ProposalStatus.Assigned);
    }
}
