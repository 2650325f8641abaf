using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Transparency.Core.Proposals;
using Transparency.Data;
using Transparency.Replies.Models;

namespace Transparency.Replies.Services;

/// <summary>The replies' part of a proposal's dossier: each round's reply with its history, letter and attachments.</summary>
public sealed class ReplyDossier(
    TransparencyDbContext db,
    ReplyService replies,
    ReplyLetters letters,
    ReplyAttachments attachments) : IDossierContributor
{
    public async Task<DossierPart?> ContributeAsync(int proposalId, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (!await replies.HasAsync(user, RepliesPermissions.View))
        {
            return null;
        }

        var list = await db.Set<Reply>().AsNoTracking().Where(r => r.ProposalId == proposalId)
            .OrderBy(r => r.Round).ThenBy(r => r.Id).Select(r => r.Id).ToListAsync(cancellationToken);
        if (list.Count == 0)
        {
            return null;
        }

        var entries = new List<DossierEntry>();
        var files = new List<DossierFile>();
        foreach (var id in list)
        {
            var context = await replies.GetAsync(id, user);
            var document = context.Document;
            var latest = await replies.Workflow.LatestAsync(document);
            var facts = new List<KeyValuePair<string, string>>
            {
                new("答复单位", context.UnitName),
                new("状态", StatusText.Of(document.Status)),
                new("办理结果分类", latest.Outcome is { } o ? StatusText.Of(o) : "未选择"),
                new("文号", context.Reply.DocumentNumber ?? ""),
            };
            if (context.Reply.SentOn is { } sent)
            {
                facts.Add(new("送达", $"{sent:yyyy-MM-dd} {StatusText.Of(context.Reply.SentChannel!.Value)}{(context.Reply.DueOn is { } due ? (sent <= due ? "（按期）" : "（逾期）") : "")}"));
            }

            foreach (var decision in await replies.Workflow.DecisionsAsync(document.Id))
            {
                facts.Add(new(decision.OccurredUtc.AddHours(8).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                    $"{decision.Stage}{StatusText.Of(decision.Action)}（第{decision.VersionNumber}版，{decision.Actor}）{decision.Comment}"));
            }

            var prefix = $"round-{context.Reply.Round}-{context.UnitName}";
            entries.Add(new DossierEntry($"第{context.Reply.Round}轮答复（{StatusText.Of(document.Status)}）", facts, latest.OfficialHtml, $"/admin/replies/{id}"));
            files.Add(new DossierFile($"{prefix}-答复函.docx", async () => new MemoryStream((await letters.GenerateAsync(context)).Content)));
            foreach (var attachment in await attachments.ListAsync(document.Id))
            {
                var documentId = document.Id;
                files.Add(new DossierFile($"{prefix}-{attachment.FileName}", async () => (await attachments.OpenAsync(documentId, attachment.Id)).Content));
            }
        }

        return new DossierPart("replies", "答复", entries, files);
    }
}
