using Transparency.Core.Settings;
using Transparency.Core.Units;
using Transparency.Replies.Letters;
using Transparency.Replies.Models;

namespace Transparency.Replies.Services;

/// <summary>Builds the 答复函 (.docx) of a reply from its latest version and the administrator's template.</summary>
public sealed class ReplyLetters(ReplyLetterGenerator generator, ISettingsDocumentStore settings, ISiteSettingsStore site, IUnitDirectory units, DocumentWorkflow workflow, TimeProvider clock)
{
    public async Task<(byte[] Content, string FileName)> GenerateAsync(ReplyContext context)
    {
        var latest = await workflow.LatestAsync(context.Document);
        var template = await settings.GetAsync<LetterTemplateSettings>(LetterTemplateSettings.DocumentName);
        var p = context.Proposal;
        var date = context.Reply.SentOn ?? DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);
        var data = new ReplyLetterData
        {
            UnitName = await IssuerAsync(context.Reply.UnitId),
            DocumentNumber = context.Reply.DocumentNumber ?? "",
            Classification = context.Document.Status == DocumentStatus.Withheld ? "不予公开" : "主动公开",
            ProposalKindName = p.KindName,
            IsCppcc = p.Session.IsCppcc,
            SessionName = p.Session.Name,
            ProposalNumber = p.Number,
            ProposalTitle = p.Title,
            Representatives = p.Representatives,
            Outcome = latest.Outcome switch { ReplyOutcome.B => ReplyLetterOutcome.B, ReplyOutcome.C => ReplyLetterOutcome.C, _ => ReplyLetterOutcome.A },
            BodyHtml = latest.OfficialHtml,
            Date = date,
            ContactPerson = context.Reply.ContactPerson ?? "",
            ContactPhone = context.Reply.ContactPhone ?? "",
            CopyTo = template.CopyTo,
        };
        return (generator.Generate(data, template.Effective), $"答复函-{p.Session.Name}-第{p.Number}号.docx");
    }

    /// <summary>
    /// The issuing organ: the site's organisation when set, otherwise the replying unit's top-level parent
    /// (a section's letter goes out in the bureau's name).
    /// </summary>
    private async Task<string> IssuerAsync(int unitId)
    {
        if ((await site.GetAsync()).Organization is { Length: > 0 } organization)
        {
            return organization;
        }

        var all = (await units.ListAsync()).ToDictionary(u => u.Id);
        if (!all.TryGetValue(unitId, out var unit))
        {
            return "";
        }

        while (unit.ParentId is { } parent && all.TryGetValue(parent, out var up))
        {
            unit = up;
        }

        return unit.Name;
    }
}
