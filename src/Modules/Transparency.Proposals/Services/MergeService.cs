using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Transparency.Core.Audit;
using Transparency.Data;
using Transparency.Proposals.Models;

namespace Transparency.Proposals.Services;

/// <summary>
/// 并案: a proposal on the same matter as another is merged into it and handled with it. Each representative of
/// both keeps a reply of their own (the reply module answers every representative of merged proposals).
/// </summary>
public sealed class MergeService(TransparencyDbContext db, HandlingAccess access, ProposalLifecycle lifecycle, IAuditTrail audit)
{
    public const int MaxComment = 1000;

    /// <summary>Merges <paramref name="proposalId"/> into <paramref name="intoProposalId"/> (Proposals.Assign); saves with its audit events.</summary>
    public async Task<Proposal> MergeAsync(int proposalId, int intoProposalId, string? comment, ClaimsPrincipal user)
    {
        await access.RequireAsync(user, ProposalsPermissions.Assign);
        var proposal = await access.ProposalAsync(proposalId, user);
        if (intoProposalId == proposalId)
        {
            throw new ProposalRuleException("不能将建议提案并入其本身。", "IntoProposalId");
        }

        var into = await access.Scope.FindAsync(intoProposalId, user)
            ?? throw new ProposalRuleException("请选择要并入的建议提案。", "IntoProposalId");
        if (into.SessionId != proposal.SessionId)
        {
            throw new ProposalRuleException("并案的建议提案须属于同一届次。", "IntoProposalId");
        }

        if (into.Status is ProposalStatus.Merged or ProposalStatus.Withdrawn || into.MergedIntoId is not null)
        {
            throw new ProposalRuleException($"第{into.Number}号当前状态为“{ProposalText.Of(into.Status)}”，不能作为并案的主件。", "IntoProposalId");
        }

        // An integrity rule, not a read shown to the user: proposals merged into this one would be left pointing at a merged proposal.
        if (await db.Set<Proposal>().AnyAsync(p => p.MergedIntoId == proposal.Id))
        {
            throw new ProposalRuleException($"已有其他建议提案并入第{proposal.Number}号，该件不能再并入其他件。", "IntoProposalId");
        }

        var note = comment?.Trim() ?? "";
        if (note.Length > MaxComment)
        {
            throw new ProposalRuleException($"并案说明不能超过{MaxComment}个字符。", "Comment");
        }

        await lifecycle.ApplyAsync(proposal, ProposalStatus.Merged, user, note.Length == 0 ? null : note);
        proposal.MergedIntoId = into.Id;
        var people = string.Join("、", proposal.Representatives.Concat(into.Representatives)
            .Select(r => r.Representative?.Name).Where(n => !string.IsNullOrEmpty(n)).Distinct());
        audit.Record(new AuditEntry("Proposals", "Merged", Proposal.SubjectId(proposal.Id),
            $"第{proposal.Number}号并入第{into.Number}号合并办理（并案）。并案后每位代表（委员）仍分别收到答复：{people}")
        {
            Comment = note.Length == 0 ? null : note,
        });
        audit.Record(new AuditEntry("Proposals", "MergedInto", Proposal.SubjectId(into.Id),
            $"第{proposal.Number}号并入本件（第{into.Number}号）合并办理；每位代表（委员）仍分别收到答复：{people}"));
        await db.SaveChangesAsync();
        return proposal;
    }
}
