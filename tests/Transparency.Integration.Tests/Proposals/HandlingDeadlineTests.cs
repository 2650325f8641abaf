using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Transparency.Core.Calendar;
using Transparency.Proposals.Models;

namespace Transparency.Integration.Tests.Proposals;

/// <summary>延期, 退办, 改办 and 并案 through the back office, as the units and the coordinator do them.</summary>
public abstract class HandlingDeadlineTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : HandlingSite
{
    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task ExtensionRequestedByTheUnitAndApprovedByTheCoordinatorMovesTheDueDate()
    {
        var w = await site.WorldAsync();
        var today = HandlingSite.Today;
        var (id, aids) = await site.CreateProposalAsync(today, [(w.LeadUnit, HandlingRole.Lead), (w.CoUnit, HandlingRole.Co)]);
        var aid = aids[w.LeadUnit];
        var ruleDue = await site.QueryAsync(db => db.Set<Assignment>().Where(a => a.Id == aid).Select(a => a.DueOn).SingleAsync());
        var requested = today.AddMonths(4);
        using var lead = await site.SignInAsync("lead");

        var details = await lead.GetStringAsync($"/admin/proposals/{id}");
        Assert.Contains($"/admin/proposals/{id}/assignments/{aid}/extension", details);
        var page = $"/admin/proposals/{id}/assignments/{aid}/extension";
        var response = await lead.PostFormAsync(page, page, [new("Form.RequestedDueOn", Iso(requested)), new("Form.Reason", "涉及多部门协调，需待年度计划批复。")]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var again = await lead.PostFormAsync($"/admin/proposals/{id}/consultations", page, [new("Form.RequestedDueOn", Iso(requested.AddDays(1))), new("Form.Reason", "再次申请")]);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("待审批的延期申请", await again.Content.ReadAsStringAsync());

        var extension = await site.QueryAsync(db => db.Set<DeadlineExtension>().SingleAsync(e => e.AssignmentId == aid));
        Assert.Equal(ExtensionStatus.Requested, extension.Status);
        Assert.Equal("lead", extension.RequestedBy);

        using var coord = await site.SignInAsync("coord");
        Assert.Contains($"/admin/proposals/{id}/extensions/{extension.Id}/decide", await coord.GetStringAsync($"/admin/proposals/{id}"));
        var decide = $"/admin/proposals/{id}/extensions/{extension.Id}/decide";
        var approved = await coord.PostFormAsync(decide, decide, [new("Form.Decision", "approve"), new("Form.Comment", "同意延期。")]);
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);

        var assignment = await site.QueryAsync(db => db.Set<Assignment>().Include(a => a.Extensions).SingleAsync(a => a.Id == aid));
        Assert.Equal(requested, assignment.DueOn);
        Assert.Equal(ruleDue, assignment.RuleDueOn);
        Assert.Equal(ExtensionStatus.Approved, assignment.Extensions.Single().Status);
        Assert.Equal("coord", assignment.Extensions.Single().DecidedBy);

        var audit = await site.AuditAsync(id);
        var request = Assert.Single(audit, e => e.Action == "ExtensionRequested");
        Assert.Equal("lead", request.Actor);
        Assert.Equal("涉及多部门协调，需待年度计划批复。", request.Comment);
        var approval = Assert.Single(audit, e => e.Action == "ExtensionApproved");
        Assert.Equal(("coord", "Requested", "Approved", "同意延期。"), (approval.Actor, approval.FromState, approval.ToState, approval.Comment));
    }

    [Fact]
    public async Task AnExtensionBeyondSixMonthsFromAssignmentIsRefusedWithTheRule()
    {
        var w = await site.WorldAsync();
        var assignedOn = HandlingSite.Today.AddDays(-3);
        var (id, aids) = await site.CreateProposalAsync(assignedOn, [(w.LeadUnit, HandlingRole.Lead)]);
        using var lead = await site.SignInAsync("lead");
        var page = $"/admin/proposals/{id}/assignments/{aids[w.LeadUnit]}/extension";

        var response = await lead.PostFormAsync(page, page, [new("Form.RequestedDueOn", Iso(assignedOn.AddMonths(6).AddDays(1))), new("Form.Reason", "工程量大。")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("延期后的办理期限自交办之日起不得超过6个月", html);
        Assert.Contains("data-valmsg-for=\"Form.RequestedDueOn\"", html);
        Assert.False(await site.QueryAsync(db => db.Set<DeadlineExtension>().AnyAsync(e => e.AssignmentId == aids[w.LeadUnit])));

        var exactlySix = await lead.PostFormAsync(page, page, [new("Form.RequestedDueOn", Iso(assignedOn.AddMonths(6))), new("Form.Reason", "工程量大。")]);
        Assert.Equal(HttpStatusCode.Redirect, exactlySix.StatusCode);
    }

    [Fact]
    public async Task ADeclineNeedsACommentAndLeavesTheDueDate()
    {
        var w = await site.WorldAsync();
        var (id, aids) = await site.CreateProposalAsync(HandlingSite.Today, [(w.LeadUnit, HandlingRole.Lead)]);
        var aid = aids[w.LeadUnit];
        using var lead = await site.SignInAsync("lead");
        var page = $"/admin/proposals/{id}/assignments/{aid}/extension";
        Assert.Equal(HttpStatusCode.Redirect, (await lead.PostFormAsync(page, page, [new("Form.RequestedDueOn", Iso(HandlingSite.Today.AddMonths(5))), new("Form.Reason", "需调研。")])).StatusCode);
        var extension = await site.QueryAsync(db => db.Set<DeadlineExtension>().SingleAsync(e => e.AssignmentId == aid));
        var decide = $"/admin/proposals/{id}/extensions/{extension.Id}/decide";

        var byTheUnit = await lead.GetAsync(decide);
        Assert.Equal(HttpStatusCode.Redirect, byTheUnit.StatusCode);
        Assert.StartsWith("/account/denied", byTheUnit.Headers.Location!.PathAndQuery);

        using var coord = await site.SignInAsync("coord");
        var noComment = await coord.PostFormAsync(decide, decide, [new("Form.Decision", "decline")]);
        Assert.Equal(HttpStatusCode.BadRequest, noComment.StatusCode);
        Assert.Contains("请填写审批意见", await noComment.Content.ReadAsStringAsync());
        var declined = await coord.PostFormAsync(decide, decide, [new("Form.Decision", "decline"), new("Form.Comment", "理由不充分，请按期办结。")]);
        Assert.Equal(HttpStatusCode.Redirect, declined.StatusCode);

        var assignment = await site.QueryAsync(db => db.Set<Assignment>().Include(a => a.Extensions).SingleAsync(a => a.Id == aid));
        Assert.Equal(assignment.RuleDueOn, assignment.DueOn);
        Assert.Equal(ExtensionStatus.Declined, assignment.Extensions.Single().Status);
        Assert.Contains(await site.AuditAsync(id), e => e.Action == "ExtensionDeclined" && e.Comment == "理由不充分，请按期办结。");
    }

    [Fact]
    public async Task AnotherUnitCannotActForTheAssignedUnit()
    {
        var w = await site.WorldAsync();
        var (id, aids) = await site.CreateProposalAsync(HandlingSite.Today, [(w.LeadUnit, HandlingRole.Lead), (w.CoUnit, HandlingRole.Co)]);
        using var co = await site.SignInAsync("co");
        Assert.Equal(HttpStatusCode.Forbidden, (await co.GetAsync($"/admin/proposals/{id}/assignments/{aids[w.LeadUnit]}/extension")).StatusCode);
        var post = await co.PostFormAsync($"/admin/proposals/{id}/co-opinion", $"/admin/proposals/{id}/assignments/{aids[w.LeadUnit]}/return", [new("Form.Reason", "不属于本单位职责。")]);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Contains("不是甲处的工作人员", await post.Content.ReadAsStringAsync());

        using var other = await site.SignInAsync("other");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/admin/proposals/{id}/assignments/{aids[w.LeadUnit]}/extension")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/admin/proposals/{id}/assignments/{aids[w.LeadUnit]}/return")).StatusCode);
        Assert.Equal(AssignmentStatus.Active, await site.QueryAsync(db => db.Set<Assignment>().Where(a => a.Id == aids[w.LeadUnit]).Select(a => a.Status).SingleAsync()));
        Assert.DoesNotContain(await site.AuditAsync(id), e => e.Action == "Returned");
    }

    [Fact]
    public async Task AReturnWithinSevenWorkingDaysIsAcceptedAndTheReassignedUnitsClockRestarts()
    {
        var w = await site.WorldAsync();
        var today = HandlingSite.Today;
        var (id, aids) = await site.CreateProposalAsync(today.AddDays(-1), [(w.LeadUnit, HandlingRole.Lead)]);
        var aid = aids[w.LeadUnit];
        using var lead = await site.SignInAsync("lead");
        var page = $"/admin/proposals/{id}/assignments/{aid}/return";
        Assert.Contains(page, await lead.GetStringAsync($"/admin/proposals/{id}"));

        var empty = await lead.PostFormAsync(page, page, [new("Form.Reason", "  ")]);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("请填写退办理由", await empty.Content.ReadAsStringAsync());
        var returned = await lead.PostFormAsync(page, page, [new("Form.Reason", "该事项属于园林绿化管理职责，不属于本单位职责范围。")]);
        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);

        var old = await site.QueryAsync(db => db.Set<Assignment>().SingleAsync(a => a.Id == aid));
        Assert.Equal(AssignmentStatus.Returned, old.Status);
        Assert.Equal(today, old.ReturnedOn);
        Assert.Equal("该事项属于园林绿化管理职责，不属于本单位职责范围。", old.ReturnReason);

        using var coord = await site.SignInAsync("coord");
        var reassign = $"/admin/proposals/{id}/assignments/{aid}/reassign";
        Assert.Contains("该事项属于园林绿化管理职责", await coord.GetStringAsync(reassign));
        var sameUnit = await coord.PostFormAsync(reassign, reassign, [new("Form.UnitId", w.LeadUnit.ToString(CultureInfo.InvariantCulture))]);
        Assert.Equal(HttpStatusCode.BadRequest, sameUnit.StatusCode);
        var done = await coord.PostFormAsync(reassign, reassign, [new("Form.UnitId", w.NewUnit.ToString(CultureInfo.InvariantCulture)), new("Form.Comment", "改由丁处主办。")]);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);

        var all = await site.QueryAsync(db => db.Set<Assignment>().Where(a => a.ProposalId == id).OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(AssignmentStatus.Replaced, all[0].Status);
        var fresh = all[1];
        Assert.Equal((w.NewUnit, HandlingRole.Lead, AssignmentStatus.Active, (int?)aid), (fresh.UnitId, fresh.Role, fresh.Status, fresh.ReplacesId));
        Assert.Equal(today, fresh.AssignedOn);
        using (var scope = site.Factory.Services.CreateScope())
        {
            var expected = (await scope.ServiceProvider.GetRequiredService<IWorkingDayCalendar>().AddMonthsAsync(today, 3)).Due;
            Assert.Equal(expected, fresh.DueOn);
        }

        // The unit that returned it no longer sees the proposal; the new unit does.
        Assert.Equal(HttpStatusCode.NotFound, (await lead.GetAsync($"/admin/proposals/{id}/consultations")).StatusCode);
        using var newLead = await site.SignInAsync("newlead");
        Assert.Equal(HttpStatusCode.OK, (await newLead.GetAsync($"/admin/proposals/{id}/consultations")).StatusCode);

        var audit = await site.AuditAsync(id);
        var r = Assert.Single(audit, e => e.Action == "Returned");
        Assert.Equal(("lead", "Active", "Returned"), (r.Actor, r.FromState, r.ToState));
        var re = Assert.Single(audit, e => e.Action == "Reassigned");
        Assert.Equal(("coord", "改由丁处主办。"), (re.Actor, re.Comment));
        Assert.Contains("甲处 → 丁处", re.Summary);
    }

    [Fact]
    public async Task AReturnAfterSevenWorkingDaysIsRefusedAndAnActiveAssignmentCannotBeReassigned()
    {
        var w = await site.WorldAsync();
        var (id, aids) = await site.CreateProposalAsync(HandlingSite.Today.AddDays(-60), [(w.LeadUnit, HandlingRole.Lead)]);
        var aid = aids[w.LeadUnit];
        using var lead = await site.SignInAsync("lead");
        var page = $"/admin/proposals/{id}/assignments/{aid}/return";
        Assert.DoesNotContain(page, await lead.GetStringAsync($"/admin/proposals/{id}"));
        Assert.Contains("退办期限已于", await lead.GetStringAsync(page));

        var response = await lead.PostFormAsync($"/admin/proposals/{id}/consultations", page, [new("Form.Reason", "不属于本单位职责。")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("退办须在交办之日起7个工作日内提出", await response.Content.ReadAsStringAsync());
        Assert.Equal(AssignmentStatus.Active, await site.QueryAsync(db => db.Set<Assignment>().Where(a => a.Id == aid).Select(a => a.Status).SingleAsync()));

        using var coord = await site.SignInAsync("coord");
        var reassign = $"/admin/proposals/{id}/assignments/{aid}/reassign";
        var refused = await coord.PostFormAsync(reassign, reassign, [new("Form.UnitId", w.NewUnit.ToString(CultureInfo.InvariantCulture))]);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("只有已退办的交办才能改办", await refused.Content.ReadAsStringAsync());
        Assert.DoesNotContain(await site.AuditAsync(id), e => e.Action is "Returned" or "Reassigned");
    }

    [Fact]
    public async Task MergingKeepsEveryRepresentativesReplyAndNeedsTheSameSession()
    {
        var w = await site.WorldAsync();
        var (id, _) = await site.CreateProposalAsync(HandlingSite.Today, [(w.LeadUnit, HandlingRole.Lead)]);
        var (into, _) = await site.CreateProposalAsync(HandlingSite.Today, [(w.NewUnit, HandlingRole.Lead)]);
        var (elsewhere, _) = await site.CreateProposalAsync(HandlingSite.Today, [(w.NewUnit, HandlingRole.Lead)], otherSession: true);
        using var coord = await site.SignInAsync("coord");
        var page = $"/admin/proposals/{id}/merge";

        var wrongSession = await coord.PostFormAsync(page, page, [new("Form.IntoProposalId", elsewhere.ToString(CultureInfo.InvariantCulture))]);
        Assert.Equal(HttpStatusCode.BadRequest, wrongSession.StatusCode);
        Assert.Contains("须属于同一届次", await wrongSession.Content.ReadAsStringAsync());

        using var lead = await site.SignInAsync("lead");
        var byTheUnit = await lead.GetAsync(page);
        Assert.StartsWith("/account/denied", byTheUnit.Headers.Location!.PathAndQuery);

        var merged = await coord.PostFormAsync(page, page, [new("Form.IntoProposalId", into.ToString(CultureInfo.InvariantCulture)), new("Form.Comment", "内容相同，并案办理。")]);
        Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);

        var proposal = await site.QueryAsync(db => db.Set<Proposal>().SingleAsync(p => p.Id == id));
        Assert.Equal((ProposalStatus.Merged, (int?)into), (proposal.Status, proposal.MergedIntoId));
        var audit = await site.AuditAsync(id);
        var status = Assert.Single(audit, e => e.Action == "StatusChanged");
        Assert.Equal(("Assigned", "Merged", "内容相同，并案办理。"), (status.FromState, status.ToState, status.Comment));
        var note = Assert.Single(audit, e => e.Action == "Merged");
        Assert.Contains("仍分别收到答复", note.Summary);
        Assert.Contains("张丽萍", note.Summary);
        Assert.Contains(await site.AuditAsync(into), e => e.Action == "MergedInto");

        var (third, _) = await site.CreateProposalAsync(HandlingSite.Today, [(w.LeadUnit, HandlingRole.Lead)]);
        var intoMerged = await coord.PostFormAsync($"/admin/proposals/{third}/merge", $"/admin/proposals/{third}/merge", [new("Form.IntoProposalId", id.ToString(CultureInfo.InvariantCulture))]);
        Assert.Equal(HttpStatusCode.BadRequest, intoMerged.StatusCode);
        Assert.Contains("不能作为并案的主件", await intoMerged.Content.ReadAsStringAsync());
    }
}

public sealed class HandlingDeadlineTestsOnSqlite(HandlingSqliteSite site) : HandlingDeadlineTests<HandlingSqliteSite>(site);

public sealed class HandlingDeadlineTestsOnPostgreSql(HandlingPostgreSqlSite site) : HandlingDeadlineTests<HandlingPostgreSqlSite>(site);
