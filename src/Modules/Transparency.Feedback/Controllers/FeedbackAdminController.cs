using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Transparency.Core.Feedback;
using Transparency.Core.Hosting;
using Transparency.Core.Proposals;
using Transparency.Core.Security;
using Transparency.Core.Units;
using Transparency.Data;
using Transparency.Feedback.Services;
using Transparency.Feedback.ViewModels;

namespace Transparency.Feedback.Controllers;

/// <summary>The back office of feedback: overdue commitments, ratings, invitation links, paper forms, corrections, commitments.</summary>
[Admin]
[FeedbackErrors]
public sealed class FeedbackAdminController(
    FeedbackAccess access,
    InvitationService invitations,
    RatingService ratings,
    CommitmentService commitments,
    IProposalDirectory proposals,
    IRepresentativeDirectory representatives,
    IReplyDirectory replies,
    IHandlingRounds rounds,
    IUnitDirectory units,
    TransparencyDbContext db,
    TimeProvider clock) : Controller
{
    [HttpGet("admin/feedback")]
    [RequirePermission(FeedbackPermissions.View)]
    public async Task<IActionResult> Index()
    {
        var overdueAll = await commitments.OverdueAsync(await VisibleAsync(await CommitmentProposalsAsync()));
        var latestRatings = await RecentRatingsAsync();
        var proposalIds = overdueAll.Select(c => c.ProposalId).Concat(latestRatings.Select(r => r.ProposalId)).Distinct().ToList();
        var byId = (await proposals.FindAsync(proposalIds)).ToDictionary(p => p.Id);
        var unitNames = (await units.ListAsync()).ToDictionary(u => u.Id, u => u.Name);
        var names = new Dictionary<int, string>();
        foreach (var id in latestRatings.Select(r => r.RepresentativeId).Distinct())
        {
            names[id] = (await representatives.FindAsync(id))?.Name ?? "";
        }

        return View(new FeedbackDashboardModel
        {
            Overdue = overdueAll.Where(c => byId.ContainsKey(c.ProposalId)).Select(c => (c, byId[c.ProposalId], unitNames.GetValueOrDefault(c.UnitId, ""))).ToList(),
            Latest = latestRatings.Where(r => byId.ContainsKey(r.ProposalId)).Select(r => (r, byId[r.ProposalId], names[r.RepresentativeId])).ToList(),
        });
    }

    [HttpGet("admin/feedback/proposals/{id:int}")]
    [RequirePermission(FeedbackPermissions.View)]
    public async Task<IActionResult> Proposal(int id) => View(await PageAsync(id, null));

    [HttpPost("admin/feedback/proposals/{id:int}/invitations")]
    [RequirePermission(FeedbackPermissions.Manage)]
    public async Task<IActionResult> Issue(int id, int representativeId)
    {
        await invitations.IssueAsync(id, representativeId, User);
        return Redirect($"/admin/feedback/proposals/{id}");
    }

    [HttpPost("admin/feedback/invitations/{id:int}/revoke")]
    [RequirePermission(FeedbackPermissions.Manage)]
    public async Task<IActionResult> Revoke(int id)
    {
        await invitations.RevokeAsync(id, User);
        var proposalId = await db.Set<Models.FeedbackInvitation>().Where(i => i.Id == id).Select(i => i.ProposalId).FirstAsync();
        return Redirect($"/admin/feedback/proposals/{proposalId}");
    }

    [HttpPost("admin/feedback/proposals/{id:int}/paper")]
    [RequirePermission(FeedbackPermissions.RecordOnBehalf)]
    public async Task<IActionResult> Paper(int id, int representativeId, DateOnly? paperDate, RatingForm form, IFormFile? scan)
    {
        try
        {
            await ratings.RecordPaperAsync(id, representativeId, paperDate, form, scan, User);
        }
        catch (FeedbackAlreadyGivenException)
        {
            db.ChangeTracker.Clear();
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View("Proposal", await PageAsync(id, "该代表委员本轮已有评价，不能重复录入；如需更正，请使用“更正”。"));
        }
        catch (FeedbackRuleException rule)
        {
            db.ChangeTracker.Clear();
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Proposal", await PageAsync(id, rule.Message));
        }

        return Redirect($"/admin/feedback/proposals/{id}");
    }

    [HttpGet("admin/feedback/ratings/{id:int}/scan")]
    [RequirePermission(FeedbackPermissions.View)]
    public async Task<IActionResult> Scan(int id)
    {
        var (rating, content) = await ratings.ScanAsync(id, User);
        return File(content, rating.ScanContentType ?? "application/octet-stream", rating.ScanFileName);
    }

    [HttpPost("admin/feedback/ratings/{id:int}/correct")]
    [RequirePermission(FeedbackPermissions.Manage)]
    public async Task<IActionResult> Correct(int id, RatingForm form, string? reason)
    {
        await ratings.CorrectAsync(id, form, reason, User);
        var proposalId = await db.Set<Models.FeedbackRating>().Where(r => r.Id == id).Select(r => r.ProposalId).FirstAsync();
        return Redirect($"/admin/feedback/proposals/{proposalId}");
    }

    [HttpPost("admin/feedback/replies/{id:int}/commitments")]
    [RequirePermission(FeedbackPermissions.Commitments)]
    public async Task<IActionResult> AddCommitment(int id, string? text, DateOnly? dueOn, int? unitId)
    {
        var commitment = await commitments.AddAsync(id, text, dueOn, unitId, User);
        return Redirect($"/admin/feedback/proposals/{commitment.ProposalId}");
    }

    [HttpPost("admin/feedback/commitments/{id:int}/done")]
    [RequirePermission(FeedbackPermissions.Commitments)]
    public async Task<IActionResult> CommitmentDone(int id, DateOnly? doneOn, string? evidence)
    {
        await commitments.MarkDoneAsync(id, doneOn, evidence, User);
        var proposalId = await db.Set<Models.Commitment>().Where(c => c.Id == id).Select(c => c.ProposalId).FirstAsync();
        return Redirect($"/admin/feedback/proposals/{proposalId}");
    }

    private async Task<FeedbackProposalModel> PageAsync(int id, string? error)
    {
        var proposal = await access.VisibleProposalAsync(id, User);
        var canManage = await access.HasAsync(User, FeedbackPermissions.Manage);
        var people = await representatives.OfProposalAsync(id);
        var names = people.ToDictionary(r => r.Id, r => r.Name);
        var list = await ratings.ForProposalAsync(id);
        var corrections = await ratings.CorrectionsAsync(list.Select(r => r.Id));
        var now = clock.GetUtcNow().UtcDateTime;
        var unitList = await units.ListAsync();
        var unitNames = unitList.ToDictionary(u => u.Id, u => u.Name);
        var today = FeedbackText.Today(clock);
        return new FeedbackProposalModel
        {
            Proposal = proposal,
            Representatives = people,
            Replies = await replies.ForProposalAsync(id),
            Round = await rounds.CurrentAsync(id),
            Ratings = list.Select(r => new StaffRating(r, names.GetValueOrDefault(r.RepresentativeId, ""), corrections.Where(c => c.RatingId == r.Id).ToList())).ToList(),
            Invitations = (await invitations.ForProposalAsync(id)).Select(i => new StaffInvitation(
                i,
                names.GetValueOrDefault(i.RepresentativeId, ""),
                canManage && i.RevokedUtc is null && i.ExpiresUtc > now && i.UsedUtc is null ? $"{Request.Scheme}://{Request.Host}{invitations.PathOf(i)}" : null,
                i.RevokedUtc is not null ? "已撤销" : i.UsedUtc is not null ? "已评价" : i.ExpiresUtc <= now ? "已过期" : "有效")).ToList(),
            Commitments = (await commitments.ForProposalAsync(id)).Select(c => (c, unitNames.GetValueOrDefault(c.UnitId, ""), CommitmentService.StateOf(c, today))).ToList(),
            Units = unitList,
            CanManage = canManage,
            CanRecord = await access.HasAsync(User, FeedbackPermissions.RecordOnBehalf),
            CanCommit = await access.HasAsync(User, FeedbackPermissions.Commitments),
            Error = error,
        };
    }

    private async Task<List<int>> CommitmentProposalsAsync()
        => await db.Set<Models.Commitment>().Where(c => c.DoneOn == null).Select(c => c.ProposalId).Distinct().ToListAsync();

    private async Task<List<Models.FeedbackRating>> RecentRatingsAsync()
    {
        var recent = await db.Set<Models.FeedbackRating>().AsNoTracking().OrderByDescending(r => r.SubmittedUtc).Take(200).ToListAsync();
        var visible = await VisibleAsync(recent.Select(r => r.ProposalId).Distinct().ToList());
        return recent.Where(r => visible.Contains(r.ProposalId)).Take(50).ToList();
    }

    private Task<IReadOnlySet<int>> VisibleAsync(List<int> ids) => proposals.VisibleIdsAsync(ids, User);
}
