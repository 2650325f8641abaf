using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Transparency.Core.Workflows;
using Transparency.Data;
using Transparency.Replies.Models;

namespace Transparency.Replies.Services;

/// <summary>
/// The PublishReply activity of the workflows: publishes a sent reply through <see cref="DocumentWorkflow.PublishAsync"/>
/// when its public text holds no suspected personal data (only a person may redact or confirm that). Publishing a reply
/// that is already published does nothing, so a repeated run is harmless.
/// </summary>
public sealed class ReplyAutoPublisher(TransparencyDbContext db, DocumentWorkflow workflow) : IReplyAutoPublisher
{
    public async Task<string?> PublishAsync(int replyId, string actor, CancellationToken cancellationToken = default)
    {
        var reply = await db.Set<Reply>().Include(r => r.Document).FirstOrDefaultAsync(r => r.Id == replyId, cancellationToken);
        if (reply is null)
        {
            return $"答复（#{replyId}）不存在。";
        }

        if (reply.Document.Status == DocumentStatus.Published)
        {
            return null;
        }

        var (_, hits) = await workflow.ScanAsync(reply.Document);
        if (hits.Count > 0)
        {
            return $"公开文本中有{hits.Count}处疑似个人信息，须由工作人员逐项处理后公开。";
        }

        try
        {
            var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, actor)], "workflow"));
            await workflow.PublishAsync(reply.Document, [], [], user, "由工作流程自动公开");
            return null;
        }
        catch (DocumentRuleException e)
        {
            return e.Message;
        }
    }
}
