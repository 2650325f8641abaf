using Microsoft.EntityFrameworkCore;
using Transparency.Data;
using Transparency.Replies.Models;
using Transparency.Replies.Services;

namespace Transparency.Replies.Recipes;

/// <summary>
/// Writes a document's past for recipes: the decisions a document went through on given dates (submitted, returned,
/// approved at each configured stage, published), as <see cref="DocumentWorkflow"/> would have written them then.
/// The caller saves.
/// </summary>
internal sealed class RecipeHistory(TransparencyDbContext db, ReviewedDocument document, IReadOnlyList<ReviewStage> stages)
{
    private readonly List<DocumentDecisionRecord> _decisions = [];

    /// <summary>A Beijing date and hour as UTC.</summary>
    public static DateTime At(DateOnly day, int hour) => DateTime.SpecifyKind(day.ToDateTime(new TimeOnly(hour, 0)).AddHours(-8), DateTimeKind.Utc);

    public async Task<DocumentVersion> LatestAsync() => await db.Set<DocumentVersion>().FirstAsync(v => v.DocumentId == document.Id && v.Number == document.LatestVersion);

    public void Drafted(DocumentVersion version, DateOnly on)
        => document.CreatedUtc = version.CreatedUtc = version.UpdatedUtc = document.UpdatedUtc = At(on, 9);

    public void Decide(DecisionAction action, string? stage, string actor, DateOnly on, int hour, string? comment)
    {
        _decisions.Add(new DocumentDecisionRecord
        {
            DocumentId = document.Id,
            VersionNumber = document.LatestVersion,
            Action = action,
            Stage = stage,
            Actor = actor,
            OccurredUtc = At(on, hour),
            Comment = comment,
        });
        document.UpdatedUtc = At(on, hour);
    }

    public void Submitted(DocumentVersion version, string drafter, DateOnly on)
    {
        Decide(DecisionAction.Submitted, stages[0].Name, drafter, on, 10, null);
        version.State = VersionState.Submitted;
        document.Status = stages.Count > 1 ? DocumentStatus.InReview : DocumentStatus.AwaitingApproval;
        document.StageIndex = 0;
    }

    public void Returned(DocumentVersion version, string reviewer, DateOnly on, string? comment)
    {
        Decide(DecisionAction.Returned, stages[0].Name, reviewer, on, 15, comment);
        version.State = VersionState.Returned;
        document.Status = DocumentStatus.Returned;
        document.StageIndex = null;
    }

    /// <summary>Approved at every stage: the first stages by <paramref name="reviewer"/> on <paramref name="reviewedOn"/>, the last by the approver.</summary>
    public void Approved(DocumentVersion version, string reviewer, DateOnly reviewedOn, string approver, DateOnly approvedOn)
    {
        for (var i = 0; i < stages.Count; i++)
        {
            var last = i == stages.Count - 1;
            Decide(DecisionAction.Approved, stages[i].Name, last ? approver : reviewer, last ? approvedOn : reviewedOn, 15, null);
        }

        version.State = VersionState.Approved;
        document.Status = DocumentStatus.Approved;
        document.StageIndex = null;
    }

    public void Published(DocumentVersion version, string publisher, DateOnly on)
    {
        version.State = VersionState.Published;
        document.PublishedVersion = version.Number;
        document.PublishedUtc = At(on, 10);
        document.Status = DocumentStatus.Published;
        Decide(DecisionAction.Published, null, publisher, on, 10, null);
    }

    /// <summary>Stages the decisions written so far.</summary>
    public void Stage() => db.AddRange(_decisions);
}
