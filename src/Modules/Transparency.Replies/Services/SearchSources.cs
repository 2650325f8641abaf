using System.Globalization;
using System.Runtime.CompilerServices;
using Transparency.Core.Content;
using Transparency.Core.Proposals;
using Transparency.Core.Publishing;
using Transparency.Core.Search;

namespace Transparency.Replies.Services;

/// <summary>Published replies as search documents; anything not published is null, so the index deletes it.</summary>
public sealed class ReplySearchSource(IPublishedContent content, IHtmlSanitizer sanitizer) : ISearchDocumentSource
{
    /// <inheritdoc />
    public string ContentType => PublicContentTypes.Reply;

    /// <inheritdoc />
    public async Task<SearchDocument?> FindAsync(string contentId, CancellationToken cancellationToken = default)
        => int.TryParse(contentId, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
           && await content.FindReplyAsync(id, cancellationToken) is { } reply
            ? ToDocument(reply, sanitizer)
            : null;

    /// <inheritdoc />
    public async IAsyncEnumerable<SearchDocument> AllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var reply in content.AllRepliesAsync(cancellationToken))
        {
            yield return ToDocument(reply, sanitizer);
        }
    }

    /// <summary>The searchable form of a published reply.</summary>
    public static SearchDocument ToDocument(PublishedReply reply, IHtmlSanitizer sanitizer)
        => new(PublicContentTypes.Reply, reply.Id.ToString(CultureInfo.InvariantCulture), reply.Url, reply.Title,
            sanitizer.ToPlainText(reply.PublicHtml), reply.SentOn ?? DateOnly.FromDateTime(reply.PublishedUtc.AddHours(8)))
        {
            Number = reply.ProposalNumber,
            ProposalText = reply.ProposalTitle,
            Representatives = reply.Representatives,
            Year = reply.Session.Year,
            Session = reply.Session.Name,
            Kind = reply.KindName,
            Category = reply.Category,
            Units = new[] { reply.Unit }.Concat(reply.LeadUnits).Concat(reply.CoUnits).Where(u => u.Length > 0).Distinct().ToList(),
            Outcome = reply.Outcome,
            Part = reply.Part == HandlingPart.Co ? "协办" : "主办",
            Display = Display(reply),
        };

    /// <summary>What the result list shows beside the hit (see <see cref="SearchDisplayFields"/>).</summary>
    private static Dictionary<string, string> Display(PublishedReply reply)
    {
        var display = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [SearchDisplayFields.ProposalTitle] = reply.ProposalTitle,
            [SearchDisplayFields.AnsweringUnit] = reply.Unit,
            [SearchDisplayFields.HandlingPart] = reply.Part.ToString(),
        };
        if (reply.SentOn is { } sent)
        {
            display[SearchDisplayFields.SentOn] = sent.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        return display;
    }
}

/// <summary>Published handling summaries as search documents.</summary>
public sealed class SummarySearchSource(IPublishedContent content, IHtmlSanitizer sanitizer) : ISearchDocumentSource
{
    /// <inheritdoc />
    public string ContentType => PublicContentTypes.Summary;

    /// <inheritdoc />
    public async Task<SearchDocument?> FindAsync(string contentId, CancellationToken cancellationToken = default)
        => int.TryParse(contentId, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
           && await content.FindSummaryAsync(id, cancellationToken) is { } summary
            ? ToDocument(summary)
            : null;

    /// <inheritdoc />
    public async IAsyncEnumerable<SearchDocument> AllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var summary in await content.SummariesAsync(cancellationToken))
        {
            yield return ToDocument(summary);
        }
    }

    private SearchDocument ToDocument(PublishedSummary summary)
        => new(PublicContentTypes.Summary, summary.Id.ToString(CultureInfo.InvariantCulture), summary.Url, summary.Title,
            sanitizer.ToPlainText(summary.PublicHtml), DateOnly.FromDateTime(summary.PublishedUtc.AddHours(8)))
        {
            Year = summary.Year,
            Session = summary.Session.Name,
            Kind = summary.Session.IsCppcc ? "提案" : "建议",
        };
}
