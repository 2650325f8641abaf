using System.Globalization;
using System.Security.Claims;
using Transparency.Core.Files;
using Transparency.Core.Proposals;
using Transparency.Core.Units;

namespace Transparency.Feedback.Services;

/// <summary>
/// The feedback part of a proposal's dossier (一件一档: 代表建议件、回复件、征询办复意见表): every rating with its
/// corrections and who entered it, the re-handling rounds, the commitments; the scans of paper forms go into the archive.
/// </summary>
public sealed class FeedbackDossier(
    FeedbackAccess access,
    RatingService ratings,
    CommitmentService commitments,
    IRepresentativeDirectory representatives,
    IUnitDirectory units,
    AttachmentStore attachments,
    TimeProvider clock) : IDossierContributor
{
    public async Task<DossierPart?> ContributeAsync(int proposalId, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (!await access.HasAsync(user, FeedbackPermissions.View))
        {
            return null;
        }

        var list = await ratings.ForProposalAsync(proposalId);
        var promises = await commitments.ForProposalAsync(proposalId);
        if (list.Count == 0 && promises.Count == 0)
        {
            return null;
        }

        var names = (await representatives.OfProposalAsync(proposalId, cancellationToken)).ToDictionary(r => r.Id, r => r.Name);
        var corrections = await ratings.CorrectionsAsync(list.Select(r => r.Id));
        var entries = new List<DossierEntry>();
        var files = new List<DossierFile>();
        foreach (var r in list)
        {
            var name = names.GetValueOrDefault(r.RepresentativeId, $"#{r.RepresentativeId}");
            var facts = new List<KeyValuePair<string, string>>
            {
                new("沟通联系", FeedbackText.Of(r.Communication)),
                new("办理态度", FeedbackText.Of(r.Attitude)),
                new("办理结果", FeedbackText.Of(r.Result)),
                new("是否面商", r.FaceToFace ? "是" : "否"),
                new("意见和建议", (r.Comment ?? "—") + (r.CommentPublic ? "（同意公开）" : "")),
                new("录入", $"{FeedbackText.Of(r.Channel)}，{r.EnteredBy}，{r.SubmittedUtc.AddHours(8).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}"),
            };
            facts.AddRange(corrections.Where(c => c.RatingId == r.Id).Select(c => new KeyValuePair<string, string>(
                "更正", $"{FeedbackText.Of(c.Overall)}（{c.CorrectedBy}，{c.CorrectedUtc.AddHours(8).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}：{c.Reason}）")));
            entries.Add(new DossierEntry($"第{r.Round}轮征询意见表：{name}（{FeedbackText.Of(r.Overall)}）", facts, null, $"/admin/feedback/proposals/{proposalId}"));
            if (r.ScanStoredName is { } stored && r.ScanFileName is { } fileName)
            {
                files.Add(new DossierFile($"round-{r.Round}-{name}-{fileName}", () => Task.FromResult(attachments.OpenRead(stored) ?? Stream.Null)));
            }
        }

        var unitNames = (await units.ListAsync(cancellationToken)).ToDictionary(u => u.Id, u => u.Name);
        var today = FeedbackText.Today(clock);
        entries.AddRange(promises.Select(c => new DossierEntry(
            $"承诺事项：{c.Text}",
            [
                new("责任单位", unitNames.GetValueOrDefault(c.UnitId, "")),
                new("承诺时限", c.DueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                new("状态", FeedbackText.Of(CommitmentService.StateOf(c, today))),
                new("兑现情况", c.DoneOn is { } done ? $"{done.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} {c.Evidence}（{c.DoneBy}）" : "—"),
            ],
            null,
            $"/admin/feedback/proposals/{proposalId}")));
        return new DossierPart("feedback", "征询意见与承诺事项", entries, files);
    }
}
