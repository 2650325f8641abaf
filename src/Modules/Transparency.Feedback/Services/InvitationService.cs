using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Transparency.Core.Audit;
using Transparency.Core.Feedback;
using Transparency.Core.Proposals;
using Transparency.Data;
using Transparency.Feedback.Models;

namespace Transparency.Feedback.Services;

/// <summary>Why an invitation link does or does not open.</summary>
public enum InvitationCheck
{
    Valid,
    Invalid,
    Expired,
    Revoked,
}

/// <summary>The outcome of opening an invitation link.</summary>
public sealed record InvitationAccess(InvitationCheck Check, FeedbackInvitation? Invitation);

/// <summary>
/// Invitation links (征询意见链接): created for every representative of the proposal when a reply is sent, opened by the
/// representative without an account, revoked or issued again by the coordinator.
/// </summary>
public sealed class InvitationService(
    TransparencyDbContext db,
    InvitationTokens tokens,
    IRepresentativeDirectory representatives,
    IReplyDirectory replies,
    IHandlingRounds rounds,
    FeedbackAccess access,
    IAuditTrail audit,
    IOptions<FeedbackOptions> options,
    TimeProvider clock) : IReplySentObserver
{
    /// <summary>Stages one invitation per representative of the proposal for the round of the sent reply; the caller saves.</summary>
    public async Task ReplySentAsync(SentReplyNotice reply, CancellationToken cancellationToken = default)
    {
        var names = new List<string>();
        foreach (var representative in await representatives.OfProposalAsync(reply.ProposalId, cancellationToken))
        {
            if (await ActiveAsync(reply.ProposalId, representative.Id, reply.Round) is null)
            {
                Stage(reply.ProposalId, representative.Id, reply.Round, reply.ReplyId, reply.Actor);
                names.Add(representative.Name);
            }
        }

        if (names.Count > 0)
        {
            audit.Record(new AuditEntry("Feedback", "InvitationsCreated", $"proposal:{reply.ProposalId}",
                $"答复送达，为{string.Join("、", names)}生成第{reply.Round}轮征询意见链接（有效期{Days}天）", reply.Actor));
        }
    }

    /// <summary>Opens a link: the token must be untampered, its row must exist, match it, be neither revoked nor expired.</summary>
    public async Task<InvitationAccess> OpenAsync(string? token)
    {
        if (tokens.Read(token) is not { } claims)
        {
            return new InvitationAccess(InvitationCheck.Invalid, null);
        }

        var invitation = await db.Set<FeedbackInvitation>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == claims.InvitationId);
        if (invitation is null || invitation.RepresentativeId != claims.RepresentativeId || invitation.ProposalId != claims.ProposalId
            || invitation.Round != claims.Round)
        {
            return new InvitationAccess(InvitationCheck.Invalid, null);
        }

        if (invitation.RevokedUtc is not null)
        {
            return new InvitationAccess(InvitationCheck.Revoked, invitation);
        }

        return invitation.ExpiresUtc <= clock.GetUtcNow().UtcDateTime
            ? new InvitationAccess(InvitationCheck.Expired, invitation)
            : new InvitationAccess(InvitationCheck.Valid, invitation);
    }

    /// <summary>The link of an invitation, relative to the site.</summary>
    public string PathOf(FeedbackInvitation invitation) => "/feedback/invitation/" + tokens.Create(invitation);

    /// <summary>The proposal's invitations, newest first.</summary>
    public async Task<IReadOnlyList<FeedbackInvitation>> ForProposalAsync(int proposalId)
        => await db.Set<FeedbackInvitation>().AsNoTracking().Where(i => i.ProposalId == proposalId)
            .OrderByDescending(i => i.Round).ThenByDescending(i => i.Id).ToListAsync();

    /// <summary>Revokes a link (Feedback.Manage, proposal visible): it stops working at once.</summary>
    public async Task RevokeAsync(int invitationId, ClaimsPrincipal user)
    {
        await access.RequireAsync(user, FeedbackPermissions.Manage);
        var invitation = await db.Set<FeedbackInvitation>().FirstOrDefaultAsync(i => i.Id == invitationId) ?? throw new FeedbackNotFoundException();
        var proposal = await access.VisibleProposalAsync(invitation.ProposalId, user);
        if (invitation.RevokedUtc is not null)
        {
            throw new FeedbackRuleException("该链接已撤销。");
        }

        invitation.RevokedUtc = clock.GetUtcNow().UtcDateTime;
        invitation.RevokedBy = FeedbackAccess.Name(user);
        var representative = await representatives.FindAsync(invitation.RepresentativeId);
        audit.Record(new AuditEntry("Feedback", "InvitationRevoked", $"proposal:{proposal.Id}",
            $"撤销{representative?.Name}第{invitation.Round}轮征询意见链接（#{invitation.Id}）"));
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// Issues a new link for a representative of the proposal in its current round (Feedback.Manage), e.g. after revoking a
    /// link that went astray; the round's reply must have been sent.
    /// </summary>
    public async Task<FeedbackInvitation> IssueAsync(int proposalId, int representativeId, ClaimsPrincipal user)
    {
        await access.RequireAsync(user, FeedbackPermissions.Manage);
        var proposal = await access.VisibleProposalAsync(proposalId, user);
        if ((await representatives.OfProposalAsync(proposalId)).All(r => r.Id != representativeId))
        {
            throw new FeedbackRuleException("请选择该件建议提案的代表委员。", "RepresentativeId");
        }

        var round = (await rounds.CurrentAsync(proposalId)).Number;
        var reply = (await replies.ForProposalAsync(proposalId)).LastOrDefault(r => r.Round == round && r.IsSent)
            ?? throw new FeedbackRuleException($"第{round}轮答复尚未送达，不能生成征询意见链接。");
        var invitation = Stage(proposalId, representativeId, round, reply.Id, FeedbackAccess.Name(user));
        var representative = await representatives.FindAsync(representativeId);
        audit.Record(new AuditEntry("Feedback", "InvitationCreated", $"proposal:{proposal.Id}",
            $"为{representative?.Name}重新生成第{round}轮征询意见链接（有效期{Days}天）"));
        await db.SaveChangesAsync();
        return invitation;
    }

    private int Days => Math.Clamp(options.Value.InvitationDays, 1, 3650);

    private async Task<FeedbackInvitation?> ActiveAsync(int proposalId, int representativeId, int round)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.Set<FeedbackInvitation>().FirstOrDefaultAsync(i => i.ProposalId == proposalId && i.RepresentativeId == representativeId
            && i.Round == round && i.RevokedUtc == null && i.ExpiresUtc > now);
    }

    private FeedbackInvitation Stage(int proposalId, int representativeId, int round, int replyId, string actor)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var invitation = new FeedbackInvitation
        {
            ProposalId = proposalId,
            RepresentativeId = representativeId,
            Round = round,
            ReplyId = replyId,
            CreatedUtc = now,
            CreatedBy = actor,
            ExpiresUtc = now.AddDays(Days),
        };
        db.Add(invitation);
        return invitation;
    }
}
