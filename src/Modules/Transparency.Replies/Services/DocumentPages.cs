using Transparency.Core.Content;
using Transparency.Replies.Models;
using Transparency.Replies.ViewModels;

namespace Transparency.Replies.Services;

/// <summary>
/// The page models the reply and summary controllers share (versions, diff, publication, editor, conflict): one
/// builder, so both kinds of document show the same pages. Callers have checked who may see the document.
/// </summary>
public sealed class DocumentPages(DocumentWorkflow workflow, ITextDiff diff)
{
    public async Task<VersionsPageModel> VersionsAsync(ReviewedDocument document, string heading, string baseUrl, bool mayEdit) => new()
    {
        Document = document,
        Heading = heading,
        BaseUrl = baseUrl,
        Versions = await workflow.VersionsAsync(document.Id),
        CanRestore = mayEdit && DocumentWorkflow.IsEditable(document),
    };

    /// <summary>Versions <paramref name="a"/> → <paramref name="b"/> (default: the one before the latest → the latest).</summary>
    public async Task<DiffPageModel> DiffAsync(ReviewedDocument document, string heading, string baseUrl, int? a, int? b)
    {
        var versions = await workflow.VersionsAsync(document.Id);
        var newer = versions.FirstOrDefault(v => v.Number == (b ?? document.LatestVersion)) ?? throw new DocumentNotFoundException();
        var older = versions.FirstOrDefault(v => v.Number == (a ?? Math.Max(1, newer.Number - 1))) ?? throw new DocumentNotFoundException();
        return new DiffPageModel
        {
            Document = document,
            Heading = heading,
            BaseUrl = baseUrl,
            Old = older,
            New = newer,
            Official = diff.CompareHtml(older.OfficialHtml, newer.OfficialHtml),
            Public = diff.CompareHtml(older.PublicHtml, newer.PublicHtml),
            Versions = versions,
        };
    }

    public async Task<PublishPageModel> PublishAsync(ReviewedDocument document, string heading, string baseUrl, string? error)
    {
        var (version, hits) = await workflow.ScanAsync(document);
        return new PublishPageModel { Document = document, Heading = heading, BaseUrl = baseUrl, Version = version, Hits = hits, Error = error };
    }

    public async Task<DocumentEditPageModel> EditAsync(
        ReviewedDocument document, string heading, string baseUrl, DocumentEditForm form, ConflictModel? conflict)
    {
        var decisions = await workflow.DecisionsAsync(document.Id);
        return new DocumentEditPageModel
        {
            Document = document,
            Heading = heading,
            Action = $"{baseUrl}/edit",
            BackUrl = baseUrl,
            Form = form,
            IsReply = document.Kind == DocumentKind.Reply,
            Conflict = conflict,
            Returns = decisions.Where(d => d.Action == DecisionAction.Returned).ToList(),
        };
    }

    /// <summary>What the 409 page shows: the version as saved by someone else, and the differences to the user's texts.</summary>
    public ConflictModel Conflict(DocumentConflictException conflict, DocumentEditForm form)
        => new(conflict.Current, diff.CompareHtml(conflict.Current.OfficialHtml, form.OfficialHtml), diff.CompareHtml(conflict.Current.PublicHtml, form.PublicHtml));
}
