using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Transparency.Core.Audit;
using Transparency.Core.Content;
using Transparency.Core.Workflows;
using Transparency.Data;
using Transparency.Proposals.Models;

namespace Transparency.Proposals.Services;

/// <summary>A co unit's opinion as its own staff see it: the co assignment and the opinion, if one was started.</summary>
public sealed record CoOpinionDraft(Proposal Proposal, Assignment Assignment, CoHandlingOpinion? Opinion);

/// <summary>A co unit's opinion as the lead unit sees it: the text only once submitted.</summary>
public sealed record CoOpinionEntry(Assignment Assignment, CoHandlingOpinion? Submitted);

/// <summary>
/// 协办意见: the co unit drafts and submits its opinion; after submission it is final. The lead unit (and the
/// coordinators) read submitted opinions only; a draft is never shown outside its own unit. The text is rich text
/// from the editor, sanitized before it is stored (plain text typed without JavaScript is kept as it is, see
/// <see cref="OpinionText"/>).
/// </summary>
public sealed class CoOpinionService(
    TransparencyDbContext db, HandlingAccess access, IAuditTrail audit, TimeProvider clock, IHtmlSanitizer sanitizer, IWorkflowEvents events)
{
    /// <summary>The most characters of text a reader sees (formatting does not count).</summary>
    public const int MaxText = 20000;

    /// <summary>The most characters stored, formatting included: the size of the text column.</summary>
    public const int MaxStored = 20000;

    /// <summary>
    /// The user's co assignment on the proposal (the one given, or the first) and its opinion. 404 when the
    /// proposal is not visible; 403 when none of the user's units is a co unit on it.
    /// </summary>
    public async Task<CoOpinionDraft> GetOwnAsync(int proposalId, int? assignmentId, ClaimsPrincipal user)
    {
        await access.RequireAsync(user, ProposalsPermissions.Handle);
        var proposal = await access.ProposalAsync(proposalId, user);
        var mine = await access.Scope.UnitsOfAsync(user);
        var assignment = proposal.Assignments
            .Where(a => a.Role == HandlingRole.Co && a.Status != AssignmentStatus.Replaced && mine.Contains(a.UnitId))
            .Where(a => assignmentId is null || a.Id == assignmentId)
            .OrderBy(a => a.Id)
            .FirstOrDefault()
            ?? throw new UnauthorizedAccessException("本单位不是该件建议提案的协办单位，不能起草协办意见。");
        var opinion = await db.Set<CoHandlingOpinion>().FirstOrDefaultAsync(o => o.AssignmentId == assignment.Id);
        return new CoOpinionDraft(proposal, assignment, opinion);
    }

    /// <summary>Saves the draft, or saves and submits it (<paramref name="submit"/>); a submitted opinion cannot change.</summary>
    public async Task<CoHandlingOpinion> SaveAsync(int proposalId, int? assignmentId, string? text, bool submit, ClaimsPrincipal user)
    {
        var (proposal, assignment, opinion) = await GetOwnAsync(proposalId, assignmentId, user);
        if (opinion?.Status == CoOpinionStatus.Submitted)
        {
            throw new ProposalRuleException("协办意见已报送主办单位，不能再修改。", "Text");
        }

        HandlingAccess.RequireActive(proposal, assignment, submit ? "报送协办意见" : "修改协办意见");
        var body = OpinionText.Normalize(sanitizer, text);
        var length = OpinionText.Length(sanitizer, body);
        if (length > MaxText)
        {
            throw new ProposalRuleException($"协办意见不能超过{MaxText}个字符（现有{length}个）。", "Text");
        }

        if (body.Length > MaxStored)
        {
            throw new ProposalRuleException($"协办意见连同排版格式超过{MaxStored}个字符的存储上限，请精简格式或内容。", "Text");
        }

        if (submit && length == 0)
        {
            throw new ProposalRuleException("协办意见内容不能为空。", "Text");
        }

        if (length == 0)
        {
            body = ""; // an editor left with only empty paragraphs
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var isNew = opinion is null;
        if (opinion is null)
        {
            opinion = new CoHandlingOpinion { AssignmentId = assignment.Id, Status = CoOpinionStatus.Draft };
            db.Add(opinion);
        }

        opinion.Text = body;
        opinion.UpdatedUtc = now;
        opinion.DueOn = assignment.DueOn;
        var unit = await access.UnitNameAsync(assignment.UnitId);
        if (submit)
        {
            opinion.Status = CoOpinionStatus.Submitted;
            opinion.SubmittedBy = user.Identity?.Name ?? "";
            opinion.SubmittedUtc = now;
            var onTime = clock.Today() <= assignment.DueOn ? "按期" : "逾期";
            audit.Record(new AuditEntry("Proposals", "CoOpinionSubmitted", Proposal.SubjectId(proposal.Id),
                $"第{proposal.Number}号 协办单位{unit}向主办单位报送协办意见（{length}字，期限{ChinaDate.Format(assignment.DueOn)}，{onTime}）")
            {
                FromState = nameof(CoOpinionStatus.Draft),
                ToState = nameof(CoOpinionStatus.Submitted),
            });
            var leads = proposal.Assignments.Where(a => a.Role != HandlingRole.Co && a.Status == AssignmentStatus.Active).Select(a => a.UnitId);
            events.Stage(new WorkflowEvent(WorkflowEventNames.CoOpinionSubmitted, Proposal.SubjectId(proposal.Id), WorkflowEvent.ValuesOf(
                ("proposalId", proposal.Id), ("number", proposal.Number), ("title", proposal.Title), ("unitId", assignment.UnitId),
                ("unit", unit), ("leadUnitIds", string.Join(",", leads)))));
        }
        else
        {
            audit.Record(new AuditEntry("Proposals", "CoOpinionDraftSaved", Proposal.SubjectId(proposal.Id),
                $"第{proposal.Number}号 协办单位{unit}{(isNew ? "起草" : "修改")}协办意见草稿（{length}字）")
            {
                ToState = nameof(CoOpinionStatus.Draft),
            });
        }

        await db.SaveChangesAsync();
        return opinion;
    }

    /// <summary>
    /// The co units' opinions for the lead (or split) unit and the coordinators: every co assignment, with its
    /// opinion only when submitted. 403 for anyone else who sees the proposal (e.g. a co unit).
    /// </summary>
    public async Task<(Proposal Proposal, IReadOnlyList<CoOpinionEntry> Entries)> ListForLeadAsync(int proposalId, ClaimsPrincipal user)
    {
        var proposal = await access.ProposalAsync(proposalId, user);
        if (!await MayReadSubmittedAsync(proposal, user))
        {
            throw new UnauthorizedAccessException("协办意见报送主办单位，仅主办单位和督办员可以查看。");
        }

        var co = proposal.Assignments.Where(a => a.Role == HandlingRole.Co).OrderBy(a => a.Id).ToList();
        var ids = co.Select(a => a.Id).ToList();
        var submitted = await db.Set<CoHandlingOpinion>().AsNoTracking()
            .Where(o => ids.Contains(o.AssignmentId) && o.Status == CoOpinionStatus.Submitted)
            .ToDictionaryAsync(o => o.AssignmentId);
        var entries = co
            .Where(a => a.Status != AssignmentStatus.Replaced || submitted.ContainsKey(a.Id))
            .Select(a => new CoOpinionEntry(a, submitted.GetValueOrDefault(a.Id)))
            .ToList();
        return (proposal, entries);
    }

    /// <summary>True for coordinators (Proposals.ViewAll) and members of the lead or a split unit on the proposal.</summary>
    public async Task<bool> MayReadSubmittedAsync(Proposal proposal, ClaimsPrincipal user)
    {
        if (await access.Scope.SeesAllAsync(user))
        {
            return true;
        }

        var mine = await access.Scope.UnitsOfAsync(user);
        return proposal.Assignments.Any(a => a.Role != HandlingRole.Co && a.Status != AssignmentStatus.Replaced && mine.Contains(a.UnitId));
    }
}
