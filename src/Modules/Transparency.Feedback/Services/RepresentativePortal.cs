using System.Security.Claims;
using Transparency.Core.Feedback;
using Transparency.Core.Proposals;
using Transparency.Feedback.Models;

namespace Transparency.Feedback.Services;

/// <summary>One of the representative's proposals in their list.</summary>
/// <param name="Proposal">The proposal.</param>
/// <param name="DueOn">The deadline in force: the current re-handling round's, else the lead assignment's.</param>
/// <param name="Round">The current round.</param>
/// <param name="SentReplies">Replies sent to the representative so far.</param>
/// <param name="OpenRound">The round the representative may rate now, if any.</param>
public sealed record MyProposalRow(ProposalInfo Proposal, DateOnly? DueOn, int Round, int SentReplies, int? OpenRound);

/// <summary>A proposal's page for its representative (account or invitation link).</summary>
/// <param name="Proposal">The proposal.</param>
/// <param name="Representative">The representative looking at it.</param>
/// <param name="Row">Status, deadline, round.</param>
/// <param name="SentReplies">The sent replies (published or not), first round first; drafts never.</param>
/// <param name="Consultations">The consultations recorded on it.</param>
/// <param name="MyRatings">The representative's own ratings, by round.</param>
public sealed record MyProposalPage(
    ProposalInfo Proposal,
    RepresentativeInfo Representative,
    MyProposalRow Row,
    IReadOnlyList<ReplyFacts> SentReplies,
    IReadOnlyList<ConsultationInfo> Consultations,
    IReadOnlyList<FeedbackRating> MyRatings);

/// <summary>
/// What a representative sees: only their own proposals (every route asks here first), with sent replies — published or
/// not, never drafts — consultations, deadlines and their own ratings. Someone else's proposal is "not found".
/// </summary>
public sealed class RepresentativePortal(
    IRepresentativeDirectory representatives,
    IProposalDirectory proposals,
    IReplyDirectory replies,
    IHandlingRounds rounds,
    RatingService ratings)
{
    /// <summary>The representative the signed-in account belongs to; refused for an account that is not a representative's.</summary>
    public async Task<RepresentativeInfo> RepresentativeAsync(ClaimsPrincipal user)
        => user.Identity?.Name is { Length: > 0 } name && await representatives.FindByUserNameAsync(name) is { } representative
            ? representative
            : throw new UnauthorizedAccessException("您的账号未关联代表委员，不能使用“我的建议提案”。");

    public async Task<IReadOnlyList<MyProposalRow>> ProposalsAsync(RepresentativeInfo representative)
    {
        var ids = await representatives.ProposalIdsOfAsync(representative.Id);
        var list = await proposals.FindAsync(ids);
        var rows = new List<MyProposalRow>();
        foreach (var proposal in list.OrderByDescending(p => p.Session.Year).ThenBy(p => p.Session.Name, StringComparer.Ordinal).ThenBy(p => p.Number, StringComparer.Ordinal))
        {
            rows.Add(await RowAsync(proposal, representative));
        }

        return rows;
    }

    /// <summary>The page of one of the representative's proposals; <see cref="FeedbackNotFoundException"/> for anyone else's.</summary>
    public async Task<MyProposalPage> PageAsync(RepresentativeInfo representative, int proposalId)
    {
        if (!(await representatives.ProposalIdsOfAsync(representative.Id)).Contains(proposalId)
            || await proposals.FindAsync([proposalId]) is not [var proposal, ..])
        {
            throw new FeedbackNotFoundException();
        }

        var sent = (await replies.ForProposalAsync(proposalId)).Where(r => r.IsSent).ToList();
        var mine = (await ratings.ForProposalAsync(proposalId)).Where(r => r.RepresentativeId == representative.Id).ToList();
        return new MyProposalPage(proposal, representative, await RowAsync(proposal, representative), sent,
            await representatives.ConsultationsAsync(proposalId), mine);
    }

    private async Task<MyProposalRow> RowAsync(ProposalInfo proposal, RepresentativeInfo representative)
    {
        var round = await rounds.CurrentAsync(proposal.Id);
        var due = round.DueOn ?? proposal.Assignments.Where(a => a.Part != HandlingPart.Co && !a.IsReturned).Select(a => (DateOnly?)a.DueOn).Min();
        var sent = (await replies.ForProposalAsync(proposal.Id)).Count(r => r.IsSent);
        return new MyProposalRow(proposal, due, round.Number, sent, await ratings.OpenRoundAsync(proposal.Id, representative.Id));
    }
}
