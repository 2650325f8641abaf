using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Transparency.Core.Audit;
using Transparency.Core.Calendar;
using Transparency.Core.Feedback;
using Transparency.Core.Files;
using Transparency.Core.Notifications;
using Transparency.Core.Proposals;
using Transparency.Core.Search;
using Transparency.Core.Units;
using Transparency.Core.Workflows;
using Transparency.Data;
using Transparency.Feedback.Models;

namespace Transparency.Feedback.Services;

/// <summary>
/// The one place where ratings are written: by the representative (account or invitation link), or from a paper form by
/// staff; once per representative per round, never edited (corrections are separate records). A dissatisfied rating of
/// the current round opens the next round (重新办理): a new deadline from the session's rule, the proposal back to
/// Rehandling, notices to the coordinators and the lead unit. Each rating, round and correction is audited in the same
/// transaction.
/// </summary>
public sealed class RatingService(
    TransparencyDbContext db,
    IProposalDirectory proposals,
    IRepresentativeDirectory representatives,
    IReplyDirectory replies,
    IHandlingRounds rounds,
    IWorkingDayCalendar calendar,
    IUserDirectory users,
    INotificationSender notifications,
    IContentChangeLog contentChanges,
    FeedbackAccess access,
    AttachmentStore attachments,
    IAuditTrail audit,
    IWorkflowEvents events,
    TimeProvider clock)
{
    /// <summary>The representative's rating of a round, if given.</summary>
    public Task<FeedbackRating?> FindAsync(int proposalId, int representativeId, int round)
        => db.Set<FeedbackRating>().AsNoTracking()
            .FirstOrDefaultAsync(r => r.ProposalId == proposalId && r.RepresentativeId == representativeId && r.Round == round);

    /// <summary>The ratings of a proposal, by round.</summary>
    public async Task<IReadOnlyList<FeedbackRating>> ForProposalAsync(int proposalId)
        => await db.Set<FeedbackRating>().AsNoTracking().Where(r => r.ProposalId == proposalId)
            .OrderBy(r => r.Round).ThenBy(r => r.Id).ToListAsync();

    /// <summary>The corrections of these ratings, oldest first.</summary>
    public async Task<IReadOnlyList<FeedbackCorrection>> CorrectionsAsync(IEnumerable<int> ratingIds)
    {
        var ids = ratingIds.ToList();
        return await db.Set<FeedbackCorrection>().AsNoTracking().Where(c => ids.Contains(c.RatingId))
            .OrderBy(c => c.Id).ToListAsync();
    }

    /// <summary>
    /// The round a representative may rate now: the latest round with a sent reply that they have not rated; null when
    /// there is none.
    /// </summary>
    public async Task<int?> OpenRoundAsync(int proposalId, int representativeId)
    {
        var current = (await rounds.CurrentAsync(proposalId)).Number;
        var sent = (await replies.ForProposalAsync(proposalId)).Any(r => r.Round == current && r.IsSent);
        return sent && await FindAsync(proposalId, representativeId, current) is null ? current : null;
    }

    /// <summary>Saves a rating; see the class summary. <see cref="FeedbackAlreadyGivenException"/> when the round was rated already.</summary>
    public async Task<FeedbackRating> SubmitAsync(RatingSubmission submission, CheckedRating values)
    {
        var proposal = await proposals.FindAsync([submission.ProposalId]) is [var p, ..] ? p : throw new FeedbackNotFoundException();
        var representative = (await representatives.OfProposalAsync(proposal.Id)).FirstOrDefault(r => r.Id == submission.RepresentativeId)
            ?? throw new FeedbackNotFoundException();
        if (await FindAsync(proposal.Id, representative.Id, submission.Round) is { } given)
        {
            throw new FeedbackAlreadyGivenException(given);
        }

        var current = await rounds.CurrentAsync(proposal.Id);
        if (submission.Round < 1 || submission.Round > current.Number
            || !(await replies.ForProposalAsync(proposal.Id)).Any(r => r.Round == submission.Round && r.IsSent))
        {
            throw new FeedbackRuleException($"第{submission.Round}轮答复尚未送达，暂不能评价。", "Round");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var unit = await UnitOfWork.BeginAsync(db);
        var rating = new FeedbackRating
        {
            ProposalId = proposal.Id,
            RepresentativeId = representative.Id,
            Round = submission.Round,
            Overall = values.Overall,
            Communication = values.Communication,
            Attitude = values.Attitude,
            Result = values.Result,
            FaceToFace = values.FaceToFace,
            Comment = values.Comment,
            CommentPublic = values.CommentPublic,
            Channel = submission.Channel,
            InvitationId = submission.InvitationId,
            SubmittedUtc = now,
            EnteredBy = submission.EnteredBy,
            PaperDate = submission.PaperDate,
            ScanFileName = submission.Scan?.FileName,
            ScanStoredName = submission.Scan?.StoredName,
            ScanContentType = submission.Scan?.ContentType,
        };
        db.Add(rating);
        if (submission.InvitationId is { } invitationId && await db.Set<FeedbackInvitation>().FirstOrDefaultAsync(i => i.Id == invitationId) is { } invitation)
        {
            invitation.UsedUtc = now;
        }

        audit.Record(new AuditEntry("Feedback", "Rated", $"proposal:{proposal.Id}",
            $"{representative.Name}对第{proposal.Number}号{proposal.KindName}第{submission.Round}轮办理的评价：{FeedbackText.Of(values.Overall)}"
            + $"（沟通联系{FeedbackText.Of(values.Communication)}，办理态度{FeedbackText.Of(values.Attitude)}，办理结果{FeedbackText.Of(values.Result)}，"
            + $"{(values.FaceToFace ? "有面商" : "未面商")}）；录入：{FeedbackText.Of(submission.Channel)}",
            submission.EnteredBy)
        {
            Comment = values.Comment,
        });
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // Two submissions at once: the unique index keeps the first; the second sees it.
            db.ChangeTracker.Clear();
            if (await FindAsync(proposal.Id, representative.Id, submission.Round) is { } first)
            {
                throw new FeedbackAlreadyGivenException(first);
            }

            throw;
        }

        if (submission.Round == current.Number)
        {
            if (values.Overall == Satisfaction.Dissatisfied && proposal.Status is "Replied" or "FeedbackReceived")
            {
                await OpenNextRoundAsync(proposal, rating, representative.Name, current.Number + 1, submission.EnteredBy);
            }
            else if (values.Overall != Satisfaction.Dissatisfied)
            {
                await proposals.MarkFeedbackReceivedAsync(proposal.Id, $"{representative.Name}评价为{FeedbackText.Of(values.Overall)}");
            }
        }

        events.Stage(new WorkflowEvent(WorkflowEventNames.FeedbackReceived, $"proposal:{proposal.Id}", WorkflowEvent.ValuesOf(
            ("proposalId", proposal.Id), ("number", proposal.Number), ("title", proposal.Title), ("ratingId", rating.Id),
            ("round", submission.Round), ("rating", FeedbackText.Of(values.Overall)), ("representative", representative.Name))));
        await StagePublicChangeAsync(proposal.Id);
        await db.SaveChangesAsync();
        await unit.CommitAsync();
        return rating;
    }

    /// <summary>
    /// 纸质征询意见表: staff with Feedback.RecordOnBehalf enter a representative's paper form with its scan, for the round
    /// the representative may rate now; the record shows who entered it.
    /// </summary>
    public async Task<FeedbackRating> RecordPaperAsync(int proposalId, int representativeId, DateOnly? paperDate, RatingForm form, IFormFile? scan, ClaimsPrincipal user)
    {
        await access.RequireAsync(user, FeedbackPermissions.RecordOnBehalf);
        var proposal = await access.VisibleProposalAsync(proposalId, user);
        if ((await representatives.OfProposalAsync(proposal.Id)).All(r => r.Id != representativeId))
        {
            throw new FeedbackRuleException("请选择填写该意见表的代表委员。", "RepresentativeId");
        }

        var values = form.Check();
        if (paperDate is not { } date)
        {
            throw new FeedbackRuleException("请填写意见表上的填表日期。", "PaperDate");
        }

        if (date > FeedbackText.Today(clock))
        {
            throw new FeedbackRuleException("填表日期不能晚于今天。", "PaperDate");
        }

        if (scan is null || scan.Length == 0)
        {
            throw new FeedbackRuleException("请上传纸质意见表的扫描件（PDF、JPG或PNG）。", "Scan");
        }

        var round = await OpenRoundAsync(proposal.Id, representativeId);
        if (round is null)
        {
            if (await FindAsync(proposal.Id, representativeId, (await rounds.CurrentAsync(proposal.Id)).Number) is { } given)
            {
                throw new FeedbackAlreadyGivenException(given);
            }

            throw new FeedbackRuleException("本轮答复尚未送达，暂不能录入意见表。");
        }

        (string FileName, string StoredName) stored;
        try
        {
            await using var stream = scan.OpenReadStream();
            stored = await attachments.AcceptAsync(scan.FileName, scan.Length, stream);
        }
        catch (AttachmentRejectedException rejected)
        {
            throw new FeedbackRuleException(rejected.Message, "Scan");
        }

        try
        {
            return await SubmitAsync(
                new RatingSubmission(proposal.Id, representativeId, round.Value, RatingChannel.Paper, FeedbackAccess.Name(user), null, date,
                    (stored.FileName, stored.StoredName, AttachmentTypes.ContentTypeOf(stored.FileName))),
                values);
        }
        catch
        {
            attachments.Delete(stored.StoredName);
            throw;
        }
    }

    /// <summary>A coordinator's correction (Feedback.Manage): a separate, audited record; the rating itself is never changed.</summary>
    public async Task CorrectAsync(int ratingId, RatingForm form, string? reason, ClaimsPrincipal user)
    {
        await access.RequireAsync(user, FeedbackPermissions.Manage);
        var rating = await db.Set<FeedbackRating>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == ratingId) ?? throw new FeedbackNotFoundException();
        var proposal = await access.VisibleProposalAsync(rating.ProposalId, user);
        form.FaceToFace ??= rating.FaceToFace;
        var values = form.Check();
        var why = reason?.Trim();
        if (string.IsNullOrEmpty(why))
        {
            throw new FeedbackRuleException("请填写更正原因。", "Reason");
        }

        if (why.Length > FeedbackModel.MaxReason)
        {
            throw new FeedbackRuleException($"更正原因不能超过{FeedbackModel.MaxReason}个字。", "Reason");
        }

        var before = await CorrectionsAsync([rating.Id]) is [.., var last] ? last : null;
        var from = before?.Overall ?? rating.Overall;
        db.Add(new FeedbackCorrection
        {
            RatingId = rating.Id,
            Overall = values.Overall,
            Communication = values.Communication,
            Attitude = values.Attitude,
            Result = values.Result,
            Reason = why,
            CorrectedBy = FeedbackAccess.Name(user),
            CorrectedUtc = clock.GetUtcNow().UtcDateTime,
        });
        var representative = await representatives.FindAsync(rating.RepresentativeId);
        audit.Record(new AuditEntry("Feedback", "RatingCorrected", $"proposal:{proposal.Id}",
            $"更正{representative?.Name}第{rating.Round}轮评价（#{rating.Id}）：{FeedbackText.Of(from)} → {FeedbackText.Of(values.Overall)}")
        {
            FromState = from.ToString(),
            ToState = values.Overall.ToString(),
            Comment = why,
        });
        await StagePublicChangeAsync(proposal.Id);
        await db.SaveChangesAsync();
    }

    /// <summary>The stored scan of a paper form, for staff who see the proposal.</summary>
    public async Task<(FeedbackRating Rating, Stream Content)> ScanAsync(int ratingId, ClaimsPrincipal user)
    {
        var rating = await db.Set<FeedbackRating>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == ratingId) ?? throw new FeedbackNotFoundException();
        await access.VisibleProposalAsync(rating.ProposalId, user);
        var content = rating.ScanStoredName is { } name ? attachments.OpenRead(name) : null;
        return (rating, content ?? throw new FeedbackNotFoundException());
    }

    /// <summary>Stages round <paramref name="number"/> opened by a dissatisfied rating, with its notices and audit event; the caller saves.</summary>
    internal async Task OpenNextRoundAsync(ProposalInfo proposal, FeedbackRating rating, string representative, int number, string actor)
    {
        var deadline = await calendar.AddMonthsAsync(FeedbackText.Today(clock), Math.Clamp(proposal.Session.RehandlingMonths, 1, 12));
        db.Add(new FeedbackRound
        {
            ProposalId = proposal.Id,
            Number = number,
            DueOn = deadline.Due,
            OpenedByRatingId = rating.Id,
            OpenedUtc = clock.GetUtcNow().UtcDateTime,
        });
        var why = $"{representative}对第{number - 1}轮答复不满意，重新办理，期限至{deadline.Due:yyyy-MM-dd}";
        await proposals.MarkRehandlingAsync(proposal.Id, why);
        var leadUnits = proposal.Assignments.Where(a => a.Part != HandlingPart.Co && !a.IsReturned).Select(a => a.UnitId).ToList();
        var recipients = (await users.UserNamesWithPermissionAsync(FeedbackPermissions.Manage))
            .Concat(await users.UserNamesInUnitsAsync(leadUnits)).Distinct(StringComparer.Ordinal).ToList();
        notifications.Notify(recipients,
            $"第{proposal.Number}号{proposal.KindName}：{representative}对答复不满意，已启动重新办理（第{number}轮），请于{deadline.Due:yyyy年M月d日}前重新答复。",
            $"/admin/proposals/{proposal.Id}");
        audit.Record(new AuditEntry("Feedback", "RehandlingOpened", $"proposal:{proposal.Id}", why, actor)
        {
            ToState = $"Round{number}",
        });
    }

    /// <summary>The public reply page shows ratings: its cached copies on every node are evicted through the content-change log.</summary>
    private async Task StagePublicChangeAsync(int proposalId)
    {
        foreach (var reply in await replies.ForProposalAsync(proposalId))
        {
            contentChanges.Stage(PublicContentTypes.Reply, reply.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ContentChangeKind.Update);
        }
    }
}
