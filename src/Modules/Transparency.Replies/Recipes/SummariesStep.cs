using System.Text.Json;
using Transparency.Core.Audit;
using Transparency.Core.Proposals;
using Transparency.Core.Recipes;
using Transparency.Core.Search;
using Transparency.Data;
using Transparency.Replies.Models;
using Transparency.Replies.Services;

namespace Transparency.Replies.Recipes;

/// <summary>
/// Handling summaries drafted from the data, with their history:
/// <code>
/// { "name": "Summaries", "summaries": [ { "session": "市十六届人大三次会议", "state": "Draft|InReview|Approved|Published",
///   "draftedOn": "2021-01-08", "submittedOn": "…", "reviewedOn": "…", "approvedOn": "…", "publishedOn": "…",
///   "drafter": "coordinator", "reviewer": "reviewer", "approver": "approver", "publisher": "coordinator" } ] }
/// </code>
/// The text is the summary template filled with the session's figures at the time the recipe runs, so put this step
/// after the proposals and replies it summarises. A session that already has a summary is refused.
/// </summary>
public sealed class SummariesStep(
    TransparencyDbContext db,
    IProposalDirectory proposals,
    SummaryService summaries,
    DocumentWorkflow workflow,
    IAuditTrail audit) : IRecipeStep
{
    private static readonly DocumentStatus[] States = [DocumentStatus.Draft, DocumentStatus.InReview, DocumentStatus.Approved, DocumentStatus.Published];

    public string Name => "Summaries";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var sessions = (await proposals.SessionsAsync(cancellationToken)).ToDictionary(s => s.Name);
        var plans = new List<(SessionInfo Session, DocumentStatus State, JsonElement Item, string Path)>();
        var index = 0;
        foreach (var item in RecipeJson.RequiredArray(context.Data, "summaries").EnumerateArray())
        {
            var path = $"summaries[{index++}]";
            var name = RecipeJson.RequiredString(item, "session", path, 100);
            if (!sessions.TryGetValue(name, out var session))
            {
                throw new RecipeStepException(RecipeJson.Join(path, "session"), $"'{name}' is not a known session.");
            }

            var state = RecipeValues.Enum(item, "state", path, DocumentStatus.Draft);
            if (!States.Contains(state))
            {
                throw new RecipeStepException(RecipeJson.Join(path, "state"), $"must be one of {string.Join(", ", States)}.");
            }

            foreach (var (needed, field) in new[]
            {
                (state >= DocumentStatus.InReview, "submittedOn"), (state >= DocumentStatus.Approved, "reviewedOn"),
                (state >= DocumentStatus.Approved, "approvedOn"), (state == DocumentStatus.Published, "publishedOn"),
            })
            {
                if (needed && RecipeValues.Date(item, field, path) is null)
                {
                    throw new RecipeStepException(RecipeJson.Join(path, field), "is required for this state.");
                }
            }

            plans.Add((session, state, item, path));
        }

        var stages = await workflow.StagesAsync();
        foreach (var (session, state, item, path) in plans)
        {
            HandlingSummary summary;
            var drafter = RecipeJson.OptionalString(item, "drafter", path, 256) ?? "coordinator";
            try
            {
                summary = await summaries.DraftAsync(session.Id, null, drafter);
            }
            catch (DocumentRuleException rule)
            {
                throw new RecipeStepException(RecipeJson.Join(path, "session"), rule.Message);
            }
            catch (SummaryTemplateException template)
            {
                throw new RecipeStepException(path, template.Message);
            }

            var document = summary.Document;
            var history = new RecipeHistory(db, document, stages);
            var version = await history.LatestAsync();
            history.Drafted(version, RecipeValues.Date(item, "draftedOn", path) ?? new DateOnly(session.Year + 1, 1, 10));
            if (state >= DocumentStatus.InReview)
            {
                history.Submitted(version, drafter, RecipeValues.Date(item, "submittedOn", path)!.Value);
            }

            if (state >= DocumentStatus.Approved)
            {
                history.Approved(version, RecipeJson.OptionalString(item, "reviewer", path, 256) ?? "reviewer", RecipeValues.Date(item, "reviewedOn", path)!.Value,
                    RecipeJson.OptionalString(item, "approver", path, 256) ?? "approver", RecipeValues.Date(item, "approvedOn", path)!.Value);
            }

            if (state == DocumentStatus.Published)
            {
                history.Published(version, RecipeJson.OptionalString(item, "publisher", path, 256) ?? "coordinator", RecipeValues.Date(item, "publishedOn", path)!.Value);
            }

            history.Stage();
            audit.Record(new AuditEntry("Summaries", "Imported", ReviewedDocument.SubjectId(document.Id),
                $"由配方导入{session.Name}办理工作总结（{StatusText.Of(document.Status)}）") { ToState = document.Status.ToString() });
            await db.SaveChangesAsync(cancellationToken);
            if (document.Status == DocumentStatus.Published)
            {
                await workflow.StagePublicChangeAsync(document, ContentChangeKind.Update);
                await db.SaveChangesAsync(cancellationToken);
            }
        }
    }
}
