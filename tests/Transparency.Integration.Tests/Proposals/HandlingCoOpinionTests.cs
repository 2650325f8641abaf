using System.Net;
using Microsoft.EntityFrameworkCore;
using Transparency.Proposals.Models;

namespace Transparency.Integration.Tests.Proposals;

/// <summary>协办意见: drafted by the co unit, read by the lead unit once submitted, final after submission.</summary>
public abstract class HandlingCoOpinionTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : HandlingSite
{
    private const string Draft = "经研究，我处同意在背街小巷增设分类垃圾桶，并配合开展日常巡查。";
    private const string Final = "经研究，我处同意在背街小巷增设分类垃圾桶120组，并配合主办单位开展日常巡查。";

    [Fact]
    public async Task TheLeadUnitSeesTheCoOpinionOnlyOnceSubmittedAndNobodyCanChangeItAfterwards()
    {
        var w = await site.WorldAsync();
        var (id, aids) = await site.CreateProposalAsync(HandlingSite.Today,
            [(w.LeadUnit, HandlingRole.Lead), (w.CoUnit, HandlingRole.Co), (w.SecondCoUnit, HandlingRole.Co)]);
        var editor = $"/admin/proposals/{id}/co-opinion";
        var leadView = $"/admin/proposals/{id}/co-opinions";
        using var co = await site.SignInAsync("co");
        using var lead = await site.SignInAsync("lead");
        using var co2 = await site.SignInAsync("co2");

        var saved = await co.PostFormAsync(editor, editor, [new("Form.AssignmentId", aids[w.CoUnit].ToString(System.Globalization.CultureInfo.InvariantCulture)), new("Form.Text", Draft), new("Form.Command", "save")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains(Draft, await co.GetStringAsync(editor));

        // The draft stays inside the co unit: not on the lead unit's page, not in the other co unit's editor.
        var before = await lead.GetStringAsync(leadView);
        Assert.DoesNotContain(Draft, before);
        Assert.Contains("尚未报送", before);
        Assert.DoesNotContain(Draft, await co2.GetStringAsync(editor));
        Assert.Equal(HttpStatusCode.Forbidden, (await co2.GetAsync(leadView)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await lead.GetAsync(editor)).StatusCode);

        var submitted = await co.PostFormAsync(editor, editor, [new("Form.Text", Final), new("Form.Command", "submit")]);
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);

        var after = await lead.GetStringAsync(leadView);
        Assert.Contains(Final, after);
        Assert.DoesNotContain(Draft, after);
        using var coord = await site.SignInAsync("coord");
        Assert.Contains(Final, await coord.GetStringAsync(leadView));

        var page = await co.GetStringAsync(editor);
        Assert.DoesNotContain("name=\"Form.Text\"", page);
        var change = await co.PostFormAsync($"/admin/proposals/{id}/consultations", editor, [new("Form.Text", "改动"), new("Form.Command", "save")]);
        Assert.Equal(HttpStatusCode.BadRequest, change.StatusCode);
        Assert.Contains("不能再修改", await change.Content.ReadAsStringAsync());

        var opinion = await site.QueryAsync(db => db.Set<CoHandlingOpinion>().Include(o => o.Assignment).SingleAsync(o => o.AssignmentId == aids[w.CoUnit]));
        Assert.Equal((CoOpinionStatus.Submitted, Final, "co"), (opinion.Status, opinion.Text, opinion.SubmittedBy));
        Assert.Equal(opinion.Assignment.DueOn, opinion.DueOn);
        Assert.NotNull(opinion.SubmittedUtc);

        var audit = await site.AuditAsync(id);
        Assert.Single(audit, e => e.Action == "CoOpinionDraftSaved" && e.Actor == "co");
        var submit = Assert.Single(audit, e => e.Action == "CoOpinionSubmitted");
        Assert.Equal(("co", "Draft", "Submitted"), (submit.Actor, submit.FromState, submit.ToState));

        // Submitting (not saving a draft) raises the workflow event, written to the outbox with the submission.
        var raised = await site.QueryAsync(db => db.Set<Transparency.Workflows.Models.OutboxEvent>().AsNoTracking()
            .Where(e => e.Subject == $"proposal:{id}" && e.EventName == Transparency.Core.Workflows.WorkflowEventNames.CoOpinionSubmitted).ToListAsync());
        Assert.Single(raised);
    }

    [Fact]
    public async Task AnEmptyOrOverlongOpinionCannotBeSubmittedAndAnUnrelatedUnitGets404()
    {
        var w = await site.WorldAsync();
        var (id, aids) = await site.CreateProposalAsync(HandlingSite.Today, [(w.LeadUnit, HandlingRole.Lead), (w.CoUnit, HandlingRole.Co)]);
        var editor = $"/admin/proposals/{id}/co-opinion";
        using var co = await site.SignInAsync("co");

        var empty = await co.PostFormAsync(editor, editor, [new("Form.Text", " "), new("Form.Command", "submit")]);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("协办意见内容不能为空", await empty.Content.ReadAsStringAsync());
        var tooLong = await co.PostFormAsync(editor, editor, [new("Form.Text", new string('字', 20001)), new("Form.Command", "save")]);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("不能超过20000个字符", await tooLong.Content.ReadAsStringAsync());
        Assert.False(await site.QueryAsync(db => db.Set<CoHandlingOpinion>().AnyAsync(o => o.AssignmentId == aids[w.CoUnit])));

        using var other = await site.SignInAsync("other");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(editor)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/admin/proposals/{id}/co-opinions")).StatusCode);
    }
}

public sealed class HandlingCoOpinionTestsOnSqlite(HandlingSqliteSite site) : HandlingCoOpinionTests<HandlingSqliteSite>(site);

public sealed class HandlingCoOpinionTestsOnPostgreSql(HandlingPostgreSqlSite site) : HandlingCoOpinionTests<HandlingPostgreSqlSite>(site);
