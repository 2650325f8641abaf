using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Transparency.Core.Audit;
using Transparency.Core.Content;
using Transparency.Core.Proposals;
using Transparency.Core.Recipes;
using Transparency.Core.Search;
using Transparency.Core.Units;
using Transparency.Data;
using Transparency.Replies.Models;
using Transparency.Replies.Services;

namespace Transparency.Replies.Recipes;

/// <summary>
/// Replies with their history, for demo and migration recipes:
/// <code>
/// { "name": "Replies", "session": "市十六届人大三次会议", "replies": [ {
///   "proposal": "0012", "unit": "环卫处", "outcome": "A|B|C", "state": "Draft|InReview|Returned|Approved|Sent|Published",
///   "documentNumber": "…", "contactPerson": "…", "contactPhone": "…",
///   "draftedOn": "2020-07-20", "submittedOn": "…", "reviewedOn": "…", "approvedOn": "…", "sentOn": "…", "publishedOn": "…",
///   "channel": "Mail|InPerson|Email|Platform", "returnComment": "…", "round": 1, "dueOn": "…" (a re-handling round's deadline),
///   "officialHtml": "&lt;p&gt;…", "publicHtml": "&lt;p&gt;… 〔已删除：个人信息〕 …",
///   "drafter": "drafter", "reviewer": "reviewer", "approver": "approver", "coordinator": "coordinator" } ] }
/// </code>
/// The history follows the configured stages (the first reviews, the last approves). A <c>publicHtml</c> that differs from
/// the official text is published as a version of its own, with the redacted personal data recorded as the publisher would.
/// Every entry is checked before anything is written.
/// </summary>
public sealed class RepliesStep(
    TransparencyDbContext db,
    IProposalDirectory proposals,
    IUnitDirectory units,
    IHtmlSanitizer sanitizer,
    IPersonalDataDetector personalData,
    DocumentWorkflow workflow,
    IAuditTrail audit) : IRecipeStep
{
    private static readonly DocumentStatus[] States =
        [DocumentStatus.Draft, DocumentStatus.InReview, DocumentStatus.Returned, DocumentStatus.Approved, DocumentStatus.Sent, DocumentStatus.Published];

    public string Name => "Replies";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var sessionName = RecipeJson.RequiredString(context.Data, "session", "", 100);
        var session = (await proposals.SessionsAsync(cancellationToken)).FirstOrDefault(s => s.Name == sessionName)
            ?? throw new RecipeStepException("session", $"'{sessionName}' is not a known session.");
        var byNumber = (await proposals.ListBySessionAsync(session.Id, cancellationToken)).ToDictionary(p => p.Number);
        var unitIds = (await units.ListAsync(cancellationToken)).GroupBy(u => u.ShortName).ToDictionary(g => g.Key, g => g.First().Id);
        foreach (var u in await units.ListAsync(cancellationToken))
        {
            unitIds.TryAdd(u.Name, u.Id);
        }

        var stages = await workflow.StagesAsync();
        var plans = new List<Plan>();
        var items = RecipeJson.RequiredArray(context.Data, "replies");
        var index = 0;
        foreach (var item in items.EnumerateArray())
        {
            plans.Add(Read(item, $"replies[{index++}]", byNumber, unitIds));
        }

        foreach (var plan in plans)
        {
            await WriteAsync(plan, stages, cancellationToken);
        }
    }

    private Plan Read(JsonElement item, string path, Dictionary<string, ProposalInfo> byNumber, Dictionary<string, int> unitIds)
    {
        var number = RecipeJson.RequiredString(item, "proposal", path, 20);
        if (!byNumber.TryGetValue(number, out var proposal))
        {
            throw new RecipeStepException(RecipeJson.Join(path, "proposal"), $"'{number}' is not a proposal of this session.");
        }

        var unitName = RecipeJson.RequiredString(item, "unit", path, 100);
        if (!unitIds.TryGetValue(unitName, out var unitId))
        {
            throw new RecipeStepException(RecipeJson.Join(path, "unit"), $"'{unitName}' is not a known unit.");
        }

        var assignment = proposal.Assignments.FirstOrDefault(a => a.UnitId == unitId && a.Part != HandlingPart.Co)
            ?? throw new RecipeStepException(RecipeJson.Join(path, "unit"), $"'{unitName}' is not the lead or a split unit of proposal {number}.");
        var state = RecipeValues.Enum(item, "state", path, DocumentStatus.Draft);
        if (!States.Contains(state))
        {
            throw new RecipeStepException(RecipeJson.Join(path, "state"), $"must be one of {string.Join(", ", States)}.");
        }

        var official = sanitizer.Sanitize(RecipeJson.RequiredString(item, "officialHtml", path, DocumentWorkflow.MaxText));
        var publicText = RecipeJson.OptionalString(item, "publicHtml", path, DocumentWorkflow.MaxText) is { } p ? sanitizer.Sanitize(p) : null;
        var outcome = RecipeJson.OptionalString(item, "outcome", path, 1) is null ? (ReplyOutcome?)null : RecipeValues.Enum(item, "outcome", path, ReplyOutcome.A);
        var plan = new Plan(proposal, assignment, unitId, state, outcome, official, publicText)
        {
            Round = RecipeValues.WholeNumber(item, "round", path, 1, 1, 9),
            DueOn = RecipeValues.Date(item, "dueOn", path),
            DocumentNumber = RecipeJson.OptionalString(item, "documentNumber", path, 100),
            ContactPerson = RecipeJson.OptionalString(item, "contactPerson", path, 50),
            ContactPhone = RecipeJson.OptionalString(item, "contactPhone", path, 50),
            DraftedOn = RecipeValues.Date(item, "draftedOn", path) ?? assignment.AssignedOn,
            SubmittedOn = RecipeValues.Date(item, "submittedOn", path),
            ReviewedOn = RecipeValues.Date(item, "reviewedOn", path),
            ApprovedOn = RecipeValues.Date(item, "approvedOn", path),
            SentOn = RecipeValues.Date(item, "sentOn", path),
            PublishedOn = RecipeValues.Date(item, "publishedOn", path),
            Channel = RecipeValues.Enum(item, "channel", path, SendChannel.Mail),
            ReturnComment = RecipeJson.OptionalString(item, "returnComment", path, 2000),
            Drafter = RecipeJson.OptionalString(item, "drafter", path, 256) ?? "drafter",
            Reviewer = RecipeJson.OptionalString(item, "reviewer", path, 256) ?? "reviewer",
            Approver = RecipeJson.OptionalString(item, "approver", path, 256) ?? "approver",
            Coordinator = RecipeJson.OptionalString(item, "coordinator", path, 256) ?? "coordinator",
        };
        Require(plan.State >= DocumentStatus.InReview, plan.SubmittedOn, path, "submittedOn");
        Require(plan.State == DocumentStatus.Returned || plan.State >= DocumentStatus.Approved, plan.ReviewedOn, path, "reviewedOn");
        Require(plan.State >= DocumentStatus.Approved && plan.State != DocumentStatus.Returned, plan.ApprovedOn, path, "approvedOn");
        Require(plan.State is DocumentStatus.Sent or DocumentStatus.Published, plan.SentOn, path, "sentOn");
        if (plan.State == DocumentStatus.Returned && string.IsNullOrWhiteSpace(plan.ReturnComment))
        {
            throw new RecipeStepException(RecipeJson.Join(path, "returnComment"), "is required for a returned reply.");
        }

        if (plan.State >= DocumentStatus.InReview && plan.State != DocumentStatus.Returned && outcome is null)
        {
            throw new RecipeStepException(RecipeJson.Join(path, "outcome"), "is required once a reply is submitted.");
        }

        return plan;
    }

    private static void Require(bool needed, DateOnly? value, string path, string field)
    {
        if (needed && value is null)
        {
            throw new RecipeStepException(RecipeJson.Join(path, field), "is required for this state.");
        }
    }

    private async Task WriteAsync(Plan plan, IReadOnlyList<ReviewStage> stages, CancellationToken cancellationToken)
    {
        var p = plan.Proposal;
        var title = plan.Round > 1 ? $"{ReplyService.TitleOf(p)}（重新办理）" : ReplyService.TitleOf(p);
        var document = workflow.Create(DocumentKind.Reply, plan.UnitId, new DocumentContent(title, plan.Official, null, plan.Outcome), plan.Drafter);
        var reply = new Reply
        {
            Document = document,
            ProposalId = p.Id,
            AssignmentId = plan.Assignment.Id,
            UnitId = plan.UnitId,
            Round = plan.Round,
            DocumentNumber = plan.DocumentNumber,
            ContactPerson = plan.ContactPerson,
            ContactPhone = plan.ContactPhone,
        };
        db.Add(reply);
        var version = document.Versions[0];
        var history = new RecipeHistory(db, document, stages);
        history.Drafted(version, plan.DraftedOn);
        await db.SaveChangesAsync(cancellationToken);

        if (plan.State >= DocumentStatus.InReview)
        {
            history.Submitted(version, plan.Drafter, plan.SubmittedOn!.Value);
        }

        if (plan.State == DocumentStatus.Returned)
        {
            history.Returned(version, plan.Reviewer, plan.ReviewedOn!.Value, plan.ReturnComment);
        }
        else if (plan.State >= DocumentStatus.Approved)
        {
            history.Approved(version, plan.Reviewer, plan.ReviewedOn!.Value, plan.Approver, plan.ApprovedOn!.Value);
        }

        if (plan.State is DocumentStatus.Sent or DocumentStatus.Published)
        {
            reply.SentOn = plan.SentOn;
            reply.SentChannel = plan.Channel;
            reply.SentBy = plan.Coordinator;
            reply.DueOn = plan.DueOn ?? plan.Assignment.DueOn;
            history.Decide(DecisionAction.Sent, null, plan.Coordinator, plan.SentOn!.Value, 11, $"{plan.SentOn:yyyy-MM-dd} {StatusText.Of(plan.Channel)}");
            document.Status = DocumentStatus.Sent;
        }

        if (plan.State == DocumentStatus.Published)
        {
            var on = plan.PublishedOn ?? plan.SentOn!.Value.AddDays(3);
            var published = version;
            if (plan.PublicText is { } redacted && redacted != version.PublicHtml)
            {
                published = new DocumentVersion
                {
                    DocumentId = document.Id, Number = 2, Title = version.Title, OfficialHtml = version.OfficialHtml, PublicHtml = redacted,
                    Outcome = version.Outcome, CreatedBy = plan.Coordinator, CreatedUtc = RecipeHistory.At(on, 10), UpdatedBy = plan.Coordinator,
                    UpdatedUtc = RecipeHistory.At(on, 10), Revision = 1, Note = "公开前删除个人信息",
                };
                db.Add(published);
                document.LatestVersion = 2;
                foreach (var hit in personalData.Detect(version.PublicHtml).DistinctBy(h => h.Value).Where(h => !redacted.Contains(h.Value, StringComparison.Ordinal)))
                {
                    db.Add(new PersonalDataRecord
                    {
                        DocumentId = document.Id, VersionNumber = 1, Kind = hit.Kind.ToString(), Value = hit.Value,
                        Decision = PersonalDataDecision.Redacted, Actor = plan.Coordinator, OccurredUtc = RecipeHistory.At(on, 10),
                    });
                }
            }

            history.Published(published, plan.Coordinator, on);
        }

        history.Stage();
        audit.Record(new AuditEntry("Replies", "Imported", ReviewedDocument.SubjectId(document.Id),
            $"由配方导入第{p.Number}号{p.KindName}的答复（{StatusText.Of(document.Status)}）")
        {
            ToState = document.Status.ToString(),
        });
        await db.SaveChangesAsync(cancellationToken);
        if (document.Status == DocumentStatus.Published)
        {
            await workflow.StagePublicChangeAsync(document, ContentChangeKind.Update);
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private sealed record Plan(
        ProposalInfo Proposal, AssignmentInfo Assignment, int UnitId, DocumentStatus State, ReplyOutcome? Outcome, string Official, string? PublicText)
    {
        public int Round { get; init; } = 1;
        public DateOnly? DueOn { get; init; }
        public string? DocumentNumber { get; init; }
        public string? ContactPerson { get; init; }
        public string? ContactPhone { get; init; }
        public DateOnly DraftedOn { get; init; }
        public DateOnly? SubmittedOn { get; init; }
        public DateOnly? ReviewedOn { get; init; }
        public DateOnly? ApprovedOn { get; init; }
        public DateOnly? SentOn { get; init; }
        public DateOnly? PublishedOn { get; init; }
        public SendChannel Channel { get; init; }
        public string? ReturnComment { get; init; }
        public required string Drafter { get; init; }
        public required string Reviewer { get; init; }
        public required string Approver { get; init; }
        public required string Coordinator { get; init; }
    }
}
