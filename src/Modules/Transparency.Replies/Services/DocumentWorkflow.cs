using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Transparency.Core.Audit;
using Transparency.Core.Content;
using Transparency.Core.Notifications;
using Transparency.Core.Search;
using Transparency.Core.Security;
using Transparency.Core.Settings;
using Transparency.Core.Units;
using Transparency.Core.Workflows;
using Transparency.Data;
using Transparency.Replies.Models;

namespace Transparency.Replies.Services;

/// <summary>
/// The one place where a reviewed document (reply or summary) changes: versions (save the latest draft, restore,
/// diff), review (submit, approve, return at the configured stages) and publication (publish with the personal-data
/// check, withhold, unpublish). Every change is audited and staged in the caller's unit of work; callers check
/// who may see the document, this class checks who may act on it.
/// </summary>
public sealed class DocumentWorkflow(
    TransparencyDbContext db,
    IHtmlSanitizer sanitizer,
    IPersonalDataDetector personalData,
    IPermissionService permissions,
    IUserUnits userUnits,
    ISettingsDocumentStore settings,
    INotificationSender notifications,
    IAuditTrail audit,
    IContentChangeLog contentChanges,
    ReplyEvents replyEvents,
    TimeProvider clock)
{
    public const int MaxTitle = 300;
    public const int MaxText = 100_000;
    public const string RedactionReason = "个人信息";

    /// <summary>The configured review stages.</summary>
    public async Task<IReadOnlyList<ReviewStage>> StagesAsync() => (await settings.GetAsync<ReviewSettings>(ReviewSettings.DocumentName)).Effective();

    /// <summary>A new document with its first draft version (the public text starts as a copy of the official one).</summary>
    public ReviewedDocument Create(DocumentKind kind, int? unitId, DocumentContent content, string actor)
    {
        var now = Now();
        var (title, official, publicText) = Clean(content, null);
        var document = new ReviewedDocument
        {
            Kind = kind,
            Status = DocumentStatus.Draft,
            UnitId = unitId,
            LatestVersion = 1,
            CreatedUtc = now,
            UpdatedUtc = now,
        };
        document.Versions.Add(new DocumentVersion
        {
            Number = 1,
            State = VersionState.Draft,
            Title = title,
            OfficialHtml = official,
            PublicHtml = publicText,
            Outcome = content.Outcome,
            CreatedBy = actor,
            CreatedUtc = now,
            UpdatedBy = actor,
            UpdatedUtc = now,
            Revision = 1,
        });
        db.Add(document);
        return document;
    }

    /// <summary>The latest version (tracked).</summary>
    public async Task<DocumentVersion> LatestAsync(ReviewedDocument document)
        => await db.Set<DocumentVersion>().FirstAsync(v => v.DocumentId == document.Id && v.Number == document.LatestVersion);

    /// <summary>All versions, newest first (not tracked).</summary>
    public async Task<IReadOnlyList<DocumentVersion>> VersionsAsync(int documentId)
        => await db.Set<DocumentVersion>().AsNoTracking().Where(v => v.DocumentId == documentId)
            .OrderByDescending(v => v.Number).ToListAsync();

    /// <summary>The document's history of decisions, oldest first.</summary>
    public async Task<IReadOnlyList<DocumentDecisionRecord>> DecisionsAsync(int documentId)
        => await db.Set<DocumentDecisionRecord>().AsNoTracking().Where(d => d.DocumentId == documentId)
            .OrderBy(d => d.OccurredUtc).ThenBy(d => d.Id).ToListAsync();

    /// <summary>True when the latest version may be edited now (a draft, returned, or a published summary getting a new draft).</summary>
    public static bool IsEditable(ReviewedDocument document) => document.Status switch
    {
        DocumentStatus.Draft or DocumentStatus.Returned => true,
        DocumentStatus.Published or DocumentStatus.Unpublished => document.Kind == DocumentKind.Summary,
        _ => false,
    };

    /// <summary>
    /// Saves the editor's content into the latest draft, or starts a new draft version when the latest one is frozen
    /// (submitted, returned, published). Refused with <see cref="DocumentConflictException"/> when the editor
    /// started from another version or revision than the latest one: nothing is overwritten.
    /// </summary>
    public async Task<DocumentVersion> SaveDraftAsync(ReviewedDocument document, EditBase basedOn, DocumentContent content, string actor)
    {
        if (!IsEditable(document))
        {
            throw new DocumentRuleException($"当前状态为“{StatusText.Of(document.Status)}”，不能修改。");
        }

        var latest = await LatestAsync(document);
        if (latest.Number != basedOn.VersionNumber || latest.Revision != basedOn.Revision)
        {
            throw new DocumentConflictException(latest);
        }

        var (title, official, publicText) = Clean(content, latest);
        var now = Now();
        var target = latest;
        if (latest.State != VersionState.Draft)
        {
            target = NewVersion(document, latest, actor, note: null);
        }

        target.Title = title;
        target.OfficialHtml = official;
        target.PublicHtml = publicText;
        target.Outcome = content.Outcome;
        target.UpdatedBy = actor;
        target.UpdatedUtc = now;
        target.Revision = latest == target ? latest.Revision + 1 : 1;
        if (document.Status == DocumentStatus.Returned || document.Status is DocumentStatus.Published or DocumentStatus.Unpublished)
        {
            document.Status = DocumentStatus.Draft;
        }

        document.UpdatedUtc = now;
        audit.Record(new AuditEntry(Category(document), "DraftSaved", ReviewedDocument.SubjectId(document.Id),
            $"保存第{target.Number}版草稿（正文{sanitizer.ToPlainText(official).Length}字）", actor));
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            throw new DocumentConflictException(await db.Set<DocumentVersion>().AsNoTracking()
                .FirstAsync(v => v.DocumentId == document.Id && v.Number == basedOn.VersionNumber));
        }

        return target;
    }

    /// <summary>Makes an old version's content a new latest draft; every existing version, the current draft included, stays in the history.</summary>
    public async Task<DocumentVersion> RestoreAsync(ReviewedDocument document, int number, string actor)
    {
        if (!IsEditable(document))
        {
            throw new DocumentRuleException($"当前状态为“{StatusText.Of(document.Status)}”，不能恢复旧版本。");
        }

        var source = await db.Set<DocumentVersion>().AsNoTracking().FirstOrDefaultAsync(v => v.DocumentId == document.Id && v.Number == number)
            ?? throw new DocumentNotFoundException();
        var latest = await LatestAsync(document);
        if (latest.Number == number && latest.State == VersionState.Draft)
        {
            throw new DocumentRuleException($"第{number}版就是当前草稿，无需恢复。");
        }

        // Always a new version: the current draft stays in the history as it was.
        var version = NewVersion(document, latest, actor, null);

        version.Title = source.Title;
        version.OfficialHtml = source.OfficialHtml;
        version.PublicHtml = source.PublicHtml;
        version.Outcome = source.Outcome;
        version.UpdatedBy = actor;
        version.UpdatedUtc = Now();
        version.Revision++;
        version.Note = $"由第{number}版恢复";
        document.Status = DocumentStatus.Draft;
        document.UpdatedUtc = Now();
        Decide(document, version.Number, DecisionAction.Restored, null, actor, $"由第{number}版恢复");
        audit.Record(new AuditEntry(Category(document), "VersionRestored", ReviewedDocument.SubjectId(document.Id),
            $"以第{number}版内容作为第{version.Number}版草稿", actor));
        await db.SaveChangesAsync();
        return version;
    }

    /// <summary>Submits the latest draft to the first review stage.</summary>
    public async Task SubmitAsync(ReviewedDocument document, ClaimsPrincipal user, string? comment)
    {
        if (document.Status is not (DocumentStatus.Draft or DocumentStatus.Returned))
        {
            throw new DocumentRuleException($"当前状态为“{StatusText.Of(document.Status)}”，不能提交审核。");
        }

        var latest = await LatestAsync(document);
        if (string.IsNullOrWhiteSpace(sanitizer.ToPlainText(latest.OfficialHtml)))
        {
            throw new DocumentRuleException("正文不能为空，请先填写并保存。", "OfficialHtml");
        }

        if (document.Kind == DocumentKind.Reply && latest.Outcome is null)
        {
            throw new DocumentRuleException("请选择办理结果分类（A、B、C类）并保存后再提交。", "Outcome");
        }

        if (latest.State != VersionState.Draft)
        {
            // A returned version that was not changed is resubmitted as a new version, so each submission has its own.
            latest = NewVersion(document, latest, Name(user), null);
        }

        var stages = await StagesAsync();
        var from = document.Status;
        latest.State = VersionState.Submitted;
        MoveToStage(document, 0, stages);
        Decide(document, latest.Number, DecisionAction.Submitted, stages[0].Name, Name(user), comment);
        Audit(document, "Submitted", from, $"提交第{latest.Number}版送{stages[0].Name}", comment, Name(user));
        await replyEvents.StageAsync(document, WorkflowEventNames.ReplySubmitted, Name(user), ("stage", stages[0].Name), ("permission", stages[0].Permission));
        await db.SaveChangesAsync();
    }

    /// <summary>Approves at the current stage: on to the next stage, or Approved after the last.</summary>
    public async Task ApproveAsync(ReviewedDocument document, ClaimsPrincipal user, string? comment)
    {
        var (stages, stage) = await RequireStageActorAsync(document, user);
        var latest = await LatestAsync(document);
        var from = document.Status;
        var index = document.StageIndex!.Value;
        Decide(document, latest.Number, DecisionAction.Approved, stage.Name, Name(user), comment);
        if (index + 1 < stages.Count)
        {
            MoveToStage(document, index + 1, stages);
            Audit(document, "Approved", from, $"{stage.Name}通过第{latest.Number}版，送{stages[index + 1].Name}", comment, Name(user));
        }
        else
        {
            document.Status = DocumentStatus.Approved;
            document.StageIndex = null;
            latest.State = VersionState.Approved;
            Audit(document, "Approved", from, $"{stage.Name}通过第{latest.Number}版", comment, Name(user));
            await replyEvents.StageAsync(document, WorkflowEventNames.ReplyApproved, Name(user));
        }

        document.UpdatedUtc = Now();
        await db.SaveChangesAsync();
    }

    /// <summary>Returns the latest version to its drafters with a mandatory comment; they are notified in the app.</summary>
    public async Task ReturnAsync(ReviewedDocument document, ClaimsPrincipal user, string? comment, string title, string editUrl)
    {
        if (string.IsNullOrWhiteSpace(comment))
        {
            throw new DocumentRuleException("退回时必须填写退回意见。", "Comment");
        }

        var (_, stage) = await RequireStageActorAsync(document, user);
        var latest = await LatestAsync(document);
        var from = document.Status;
        document.Status = DocumentStatus.Returned;
        document.StageIndex = null;
        document.UpdatedUtc = Now();
        latest.State = VersionState.Returned;
        Decide(document, latest.Number, DecisionAction.Returned, stage.Name, Name(user), comment.Trim());
        Audit(document, "Returned", from, $"{stage.Name}退回第{latest.Number}版", comment.Trim(), Name(user));
        var authors = await db.Set<DocumentVersion>().Where(v => v.DocumentId == document.Id)
            .Select(v => v.UpdatedBy).Distinct().ToListAsync();
        notifications.Notify(authors.Where(a => a != Name(user)), $"{title}在{stage.Name}环节被退回：{Shorten(comment.Trim())}", editUrl);
        await replyEvents.StageAsync(document, WorkflowEventNames.ReplyReturned, Name(user), ("stage", stage.Name), ("comment", comment.Trim()),
            ("authors", string.Join(",", authors.Where(a => a != Name(user)))));
        await db.SaveChangesAsync();
    }

    /// <summary>True when <paramref name="user"/> may approve or return the document at its current stage.</summary>
    public async Task<bool> CanReviewAsync(ReviewedDocument document, ClaimsPrincipal user)
    {
        if (document.Status is not (DocumentStatus.InReview or DocumentStatus.AwaitingApproval) || document.StageIndex is not { } index)
        {
            return false;
        }

        var stages = await StagesAsync();
        return index < stages.Count && await MayActAtAsync(stages[index], document.UnitId, user);
    }

    /// <summary>True when <paramref name="user"/> may act at <paramref name="stage"/> for a document of <paramref name="unitId"/>.</summary>
    public async Task<bool> MayActAtAsync(ReviewStage stage, int? unitId, ClaimsPrincipal user)
    {
        if (!await permissions.HasPermissionAsync(user, stage.Permission))
        {
            return false;
        }

        if (!stage.UnitScoped || unitId is null)
        {
            return true;
        }

        return user.FindFirstValue(ClaimTypes.NameIdentifier) is { } id && (await userUnits.GetUnitIdsAsync(id)).Contains(unitId.Value);
    }

    /// <summary>The personal data in the public text of the version that would be published.</summary>
    public async Task<(DocumentVersion Version, IReadOnlyList<PersonalDataHit> Hits)> ScanAsync(ReviewedDocument document)
    {
        var latest = await LatestAsync(document);
        return (latest, personalData.Detect(latest.PublicHtml));
    }

    /// <summary>
    /// Publishes the approved (or sent) latest version. Every piece of personal data in its public text must be either
    /// redacted (replaced by 〔已删除：个人信息〕 in a new version made for publication) or confirmed; otherwise nothing
    /// changes and the user is told which remain.
    /// </summary>
    public async Task<DocumentVersion> PublishAsync(
        ReviewedDocument document, IReadOnlyCollection<string> redact, IReadOnlyCollection<string> confirm, ClaimsPrincipal user, string? comment)
    {
        var publishable = document.Kind == DocumentKind.Reply
            ? document.Status is DocumentStatus.Sent or DocumentStatus.Withheld or DocumentStatus.Unpublished
            : document.Status is DocumentStatus.Approved or DocumentStatus.Unpublished;
        if (!publishable)
        {
            throw new DocumentRuleException(document.Kind == DocumentKind.Reply
                ? $"当前状态为“{StatusText.Of(document.Status)}”，答复须审定并登记送达后才能公开。"
                : $"当前状态为“{StatusText.Of(document.Status)}”，须审定后才能公开。");
        }

        var (latest, hits) = await ScanAsync(document);
        var open = hits.Select(h => h.Value).Distinct().Where(v => !redact.Contains(v) && !confirm.Contains(v)).ToList();
        if (open.Count > 0)
        {
            throw new DocumentRuleException(
                $"公开文本中还有{open.Count}处疑似个人信息未处理（{string.Join("、", open.Select(Mask))}），请逐项选择删除或确认可以公开。", "PersonalData");
        }

        var actor = Name(user);
        var now = Now();
        var toRedact = hits.Select(h => h.Value).Where(redact.Contains).Distinct().ToList();
        var published = latest;
        if (toRedact.Count > 0)
        {
            published = NewVersion(document, latest, actor, $"公开前删除个人信息{toRedact.Count}处");
            published.PublicHtml = personalData.Redact(latest.PublicHtml, toRedact, RedactionReason);
        }

        foreach (var hit in hits.DistinctBy(h => h.Value))
        {
            var decision = toRedact.Contains(hit.Value) ? PersonalDataDecision.Redacted : PersonalDataDecision.Confirmed;
            db.Add(new PersonalDataRecord
            {
                DocumentId = document.Id,
                VersionNumber = latest.Number,
                Kind = hit.Kind.ToString(),
                Value = hit.Value,
                Decision = decision,
                Actor = actor,
                OccurredUtc = now,
            });
            audit.Record(new AuditEntry(Category(document), decision == PersonalDataDecision.Redacted ? "PersonalDataRedacted" : "PersonalDataConfirmed",
                ReviewedDocument.SubjectId(document.Id),
                $"{(decision == PersonalDataDecision.Redacted ? "删除" : "确认公开")}{PersonalDataText.Of(hit.Kind)}：{Mask(hit.Value)}", actor));
        }

        if (document.PublishedVersion is { } previous && previous != published.Number)
        {
            var old = await db.Set<DocumentVersion>().FirstAsync(v => v.DocumentId == document.Id && v.Number == previous);
            old.State = VersionState.Superseded;
        }

        var from = document.Status;
        published.State = VersionState.Published;
        if (published != latest && latest.State == VersionState.Draft)
        {
            latest.State = VersionState.Approved;
        }

        document.PublishedVersion = published.Number;
        document.PublishedUtc = now;
        document.Status = DocumentStatus.Published;
        document.NotPublicReason = null;
        document.UpdatedUtc = now;
        Decide(document, published.Number, DecisionAction.Published, null, actor, comment);
        Audit(document, "Published", from, $"公开第{published.Number}版", comment, actor);
        await StagePublicChangeAsync(document, ContentChangeKind.Update);
        await replyEvents.StageAsync(document, WorkflowEventNames.ReplyPublished, actor);
        await db.SaveChangesAsync();
        return published;
    }

    /// <summary>不予公开 (a sent reply) or 撤回公开 (a published document), with a mandatory reason.</summary>
    public async Task WithdrawAsync(ReviewedDocument document, string? reason, ClaimsPrincipal user)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DocumentRuleException(document.PublishedVersion is not null ? "撤回公开必须说明理由。" : "不予公开必须说明理由。", "Reason");
        }

        // A published summary being revised keeps its published version public until unpublished or replaced.
        var action = document switch
        {
            { PublishedVersion: not null } => DecisionAction.Unpublished,
            { Status: DocumentStatus.Sent, Kind: DocumentKind.Reply } => DecisionAction.Withheld,
            _ => throw new DocumentRuleException($"当前状态为“{StatusText.Of(document.Status)}”，不能办理不予公开或撤回公开。"),
        };
        var from = document.Status;
        var actor = Name(user);
        if (action == DecisionAction.Withheld || document.Status == DocumentStatus.Published)
        {
            document.Status = action == DecisionAction.Unpublished ? DocumentStatus.Unpublished : DocumentStatus.Withheld;
        }

        document.PublishedVersion = null;
        document.PublishedUtc = null;
        document.NotPublicReason = reason.Trim();
        document.UpdatedUtc = Now();
        Decide(document, document.LatestVersion, action, null, actor, reason.Trim());
        Audit(document, action.ToString(), from, action == DecisionAction.Unpublished ? "撤回公开" : "不予公开", reason.Trim(), actor);
        await StagePublicChangeAsync(document, ContentChangeKind.Delete);
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// Stages a content-change entry for the reply or summary of <paramref name="document"/> (it must be saved), so the
    /// search index and the public caches of every node follow the change once the unit of work commits.
    /// </summary>
    public async Task StagePublicChangeAsync(ReviewedDocument document, ContentChangeKind kind)
    {
        if (document.Kind != DocumentKind.Reply)
        {
            var summaryId = await db.Set<HandlingSummary>().Where(s => s.DocumentId == document.Id).Select(s => s.Id).FirstAsync();
            contentChanges.Stage(PublicContentTypes.Summary, summaryId.ToString(CultureInfo.InvariantCulture), kind);
            return;
        }

        var reply = await db.Set<Reply>().Where(r => r.DocumentId == document.Id).Select(r => new { r.Id, r.ProposalId }).FirstAsync();
        contentChanges.Stage(PublicContentTypes.Reply, reply.Id.ToString(CultureInfo.InvariantCulture), kind);

        // The public page of every reply to the proposal shows the timeline of its rounds: a round published or withdrawn
        // changes the pages of the proposal's other public replies too (their cached copies are evicted on every node).
        var others = await db.Set<Reply>()
            .Where(r => r.ProposalId == reply.ProposalId && r.Id != reply.Id && r.Document.PublishedVersion != null)
            .Select(r => r.Id)
            .ToListAsync();
        foreach (var other in others)
        {
            contentChanges.Stage(PublicContentTypes.Reply, other.ToString(CultureInfo.InvariantCulture), ContentChangeKind.Update);
        }
    }

    /// <summary>Stages a decision record in the document's history.</summary>
    public void Decide(ReviewedDocument document, int version, DecisionAction action, string? stage, string actor, string? comment)
        => db.Add(new DocumentDecisionRecord
        {
            DocumentId = document.Id,
            VersionNumber = version,
            Action = action,
            Stage = stage,
            Actor = actor,
            OccurredUtc = Now(),
            Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(),
        });

    /// <summary>Stages an audit event for a status change of the document.</summary>
    public void Audit(ReviewedDocument document, string action, DocumentStatus from, string summary, string? comment, string actor)
        => audit.Record(new AuditEntry(Category(document), action, ReviewedDocument.SubjectId(document.Id), summary, actor)
        {
            FromState = from.ToString(),
            ToState = document.Status.ToString(),
            Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(),
        });

    /// <summary>The user name of the actor.</summary>
    public static string Name(ClaimsPrincipal user) => user.Identity?.Name ?? "system";

    private async Task<(IReadOnlyList<ReviewStage> Stages, ReviewStage Stage)> RequireStageActorAsync(ReviewedDocument document, ClaimsPrincipal user)
    {
        if (document.Status is not (DocumentStatus.InReview or DocumentStatus.AwaitingApproval) || document.StageIndex is not { } index)
        {
            throw new DocumentRuleException($"当前状态为“{StatusText.Of(document.Status)}”，没有待审核的版本。");
        }

        var stages = await StagesAsync();
        if (index >= stages.Count)
        {
            // The stages were reconfigured while the document waited: it waits at the last stage there is.
            index = stages.Count - 1;
            document.StageIndex = index;
        }

        if (!await MayActAtAsync(stages[index], document.UnitId, user))
        {
            throw new UnauthorizedAccessException($"Acting at review stage {stages[index].Name} needs {stages[index].Permission}{(stages[index].UnitScoped ? " in the document's unit" : "")}.");
        }

        return (stages, stages[index]);
    }

    private static void MoveToStage(ReviewedDocument document, int index, IReadOnlyList<ReviewStage> stages)
    {
        document.StageIndex = index;
        document.Status = index == stages.Count - 1 ? DocumentStatus.AwaitingApproval : DocumentStatus.InReview;
    }

    private DocumentVersion NewVersion(ReviewedDocument document, DocumentVersion from, string actor, string? note)
    {
        var now = Now();
        var version = new DocumentVersion
        {
            DocumentId = document.Id,
            Number = document.LatestVersion + 1,
            State = VersionState.Draft,
            Title = from.Title,
            OfficialHtml = from.OfficialHtml,
            PublicHtml = from.PublicHtml,
            Outcome = from.Outcome,
            CreatedBy = actor,
            CreatedUtc = now,
            UpdatedBy = actor,
            UpdatedUtc = now,
            Revision = 0,
            Note = note,
        };
        document.LatestVersion = version.Number;
        db.Add(version);
        return version;
    }

    private (string Title, string Official, string Public) Clean(DocumentContent content, DocumentVersion? previous)
    {
        var title = (content.Title ?? "").Trim();
        if (title.Length == 0)
        {
            throw new DocumentRuleException("标题不能为空。", "Title");
        }

        if (title.Length > MaxTitle)
        {
            throw new DocumentRuleException($"标题不能超过{MaxTitle}个字符（现有{title.Length}个）。", "Title");
        }

        var official = sanitizer.Sanitize(content.OfficialHtml);
        if (official.Length > MaxText)
        {
            throw new DocumentRuleException($"正文过长（{official.Length}个字符，上限{MaxText}）。", "OfficialHtml");
        }

        var publicText = sanitizer.Sanitize(content.PublicHtml);
        if (publicText.Length > MaxText)
        {
            throw new DocumentRuleException($"公开文本过长（{publicText.Length}个字符，上限{MaxText}）。", "PublicHtml");
        }

        // The public text starts as a copy of the official one, and follows it until someone edits it separately.
        if (string.IsNullOrWhiteSpace(sanitizer.ToPlainText(publicText)) || (previous is not null && previous.PublicHtml == previous.OfficialHtml && publicText == previous.PublicHtml))
        {
            publicText = official;
        }

        return (title, official, publicText);
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;

    private static string Category(ReviewedDocument document) => document.Kind == DocumentKind.Reply ? "Replies" : "Summaries";

    private static string Shorten(string text) => text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 60), "…");

    /// <summary>A value shown to staff in messages and audit: the middle digits hidden.</summary>
    public static string Mask(string value) => value.Length <= 6 ? value : string.Concat(value.AsSpan(0, 3), new string('*', value.Length - 7), value.AsSpan(value.Length - 4));
}
