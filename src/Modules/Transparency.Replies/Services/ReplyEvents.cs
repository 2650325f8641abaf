using Microsoft.EntityFrameworkCore;
using Transparency.Core.Proposals;
using Transparency.Core.Workflows;
using Transparency.Data;
using Transparency.Replies.Models;

namespace Transparency.Replies.Services;

/// <summary>
/// Stages the reply events of the workflows (ReplySubmitted, ReplyReturned, ReplyApproved, ReplySent, ReplyPublished) in
/// the caller's unit of work, so an event is recorded exactly when the change it announces commits. Summaries raise none.
/// </summary>
public sealed class ReplyEvents(TransparencyDbContext db, IProposalDirectory proposals, IWorkflowEvents events)
{
    /// <summary>Stages <paramref name="name"/> for the reply of <paramref name="document"/>, with extra values; nothing for a summary.</summary>
    public async Task StageAsync(ReviewedDocument document, string name, string actor, params (string Name, object? Value)[] extra)
    {
        if (document.Kind != DocumentKind.Reply)
        {
            return;
        }

        var reply = await db.Set<Reply>().AsNoTracking().FirstOrDefaultAsync(r => r.DocumentId == document.Id);
        if (reply is null)
        {
            return;
        }

        var proposal = await proposals.FindAsync([reply.ProposalId]) is [var p, ..] ? p : null;
        var values = new List<(string, object?)>
        {
            ("replyId", reply.Id), ("proposalId", reply.ProposalId), ("unitId", reply.UnitId), ("round", reply.Round),
            ("number", proposal?.Number), ("title", proposal?.Title), ("kind", proposal?.KindName), ("actor", actor),
        };
        values.AddRange(extra);
        events.Stage(new WorkflowEvent(name, $"proposal:{reply.ProposalId}", WorkflowEvent.ValuesOf([.. values])));
    }
}
