using System.Security.Claims;
using Transparency.Core.Audit;
using Transparency.Core.Security;
using Transparency.Data;
using Transparency.Proposals.Models;

namespace Transparency.Proposals.Services;

/// <summary>
/// The only way a proposal's status changes: checks the transition and the actor's permission,
/// changes the status and records an audit event (actor, time, from → to, comment) in the same save.
/// </summary>
public sealed class ProposalLifecycle(TransparencyDbContext db, IPermissionService permissions, IAuditTrail audit)
{
    private static readonly Dictionary<ProposalStatus, ProposalStatus[]> Allowed = new()
    {
        [ProposalStatus.Registered] = [ProposalStatus.Assigned, ProposalStatus.Withdrawn, ProposalStatus.Merged],
        // Back to Registered is not a transition: a unit returns its assignment (退办) and the coordinator reassigns it (改办).
        [ProposalStatus.Assigned] = [ProposalStatus.InProgress, ProposalStatus.Withdrawn, ProposalStatus.Merged],
        [ProposalStatus.InProgress] = [ProposalStatus.Replied, ProposalStatus.Withdrawn, ProposalStatus.Merged],
        [ProposalStatus.Replied] = [ProposalStatus.FeedbackReceived, ProposalStatus.Closed, ProposalStatus.Rehandling],
        [ProposalStatus.FeedbackReceived] = [ProposalStatus.Closed, ProposalStatus.Rehandling],
        [ProposalStatus.Rehandling] = [ProposalStatus.Replied],
        [ProposalStatus.Closed] = [],
        [ProposalStatus.Withdrawn] = [],
        [ProposalStatus.Merged] = [],
    };

    /// <summary>The statuses a proposal may move to from <paramref name="from"/>.</summary>
    public static IReadOnlyList<ProposalStatus> NextStatuses(ProposalStatus from) => Allowed[from];

    /// <summary>The permission a transition into <paramref name="to"/> needs.</summary>
    public static string PermissionFor(ProposalStatus to) => to switch
    {
        ProposalStatus.Assigned or ProposalStatus.Merged or ProposalStatus.Registered => ProposalsPermissions.Assign,
        ProposalStatus.InProgress => ProposalsPermissions.Handle,
        _ => ProposalsPermissions.Register,
    };

    /// <summary>Changes the status and saves, with its audit event, in one transaction.</summary>
    public async Task TransitionAsync(Proposal proposal, ProposalStatus to, ClaimsPrincipal actor, string? comment)
    {
        await ApplyAsync(proposal, to, actor, comment);
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// Changes the status and stages the audit event without saving: for callers that change more in
    /// the same unit of work (e.g. assignment), which then save once.
    /// </summary>
    public async Task ApplyAsync(Proposal proposal, ProposalStatus to, ClaimsPrincipal actor, string? comment)
    {
        CheckTransition(proposal, to);
        if (!await permissions.HasPermissionAsync(actor, PermissionFor(to)))
        {
            throw new UnauthorizedAccessException($"Changing a proposal to {to} needs permission {PermissionFor(to)}.");
        }

        Stage(proposal, to, comment);
    }

    /// <summary>
    /// Changes the status as the consequence of another module's action that was authorised there (e.g. the
    /// coordinator records that a reply was sent: the proposal is then Replied). The transition is still checked
    /// and audited; the caller saves.
    /// </summary>
    public void ApplyConsequence(Proposal proposal, ProposalStatus to, string? comment)
    {
        CheckTransition(proposal, to);
        Stage(proposal, to, comment);
    }

    private static void CheckTransition(Proposal proposal, ProposalStatus to)
    {
        if (!Allowed[proposal.Status].Contains(to))
        {
            throw new ProposalRuleException(
                $"建议提案第{proposal.Number}号当前状态为“{ProposalText.Of(proposal.Status)}”，不能变更为“{ProposalText.Of(to)}”。");
        }
    }

    private void Stage(Proposal proposal, ProposalStatus to, string? comment)
    {
        var from = proposal.Status;
        proposal.Status = to;
        audit.Record(new AuditEntry("Proposals", "StatusChanged", Proposal.SubjectId(proposal.Id),
            $"第{proposal.Number}号：{ProposalText.Of(from)} → {ProposalText.Of(to)}")
        {
            FromState = from.ToString(),
            ToState = to.ToString(),
            Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(),
        });
    }
}
