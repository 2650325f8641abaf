using System.Globalization;
using System.Text.Json.Serialization;
using Transparency.Core.Content;
using Transparency.Core.Publishing;

namespace Transparency.Portal.Services;

/// <summary>
/// One published reply as the open-data files (CSV and JSON) and the API describe it. The columns are documented on
/// /open-data (<c>Views/OpenData/Index.cshtml</c>); change both together.
/// </summary>
public sealed record ReplyRecord(
    int Id,
    string Url,
    string Session,
    int Year,
    string Kind,
    string Number,
    string Title,
    string ProposalTitle,
    IReadOnlyList<string> Representatives,
    string? Category,
    string Unit,
    string Part,
    IReadOnlyList<string> LeadUnits,
    IReadOnlyList<string> CoUnits,
    string? Assigned,
    string? Due,
    string? Sent,
    string? Outcome,
    int Round,
    string Published,
    string Text)
{
    /// <summary>The public text as HTML (API reply page only).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Html { get; init; }

    /// <summary>Attachments (API reply page only).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<AttachmentRecord>? Attachments { get; init; }

    public static ReplyRecord From(PublishedReply reply, string origin, IHtmlSanitizer html) => new(
        reply.Id,
        origin + reply.Url,
        reply.Session.Name,
        reply.Session.Year,
        reply.KindName,
        reply.ProposalNumber,
        reply.Title,
        reply.ProposalTitle,
        reply.Representatives,
        reply.Category,
        reply.Unit,
        PublicText.PartName(reply.Part),
        reply.LeadUnits,
        reply.CoUnits,
        Date(reply.AssignedOn),
        Date(reply.DueOn),
        Date(reply.SentOn),
        reply.Outcome,
        reply.Round,
        DateTime.SpecifyKind(reply.PublishedUtc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        html.ToPlainText(reply.PublicHtml));

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>An attachment of a published reply.</summary>
public sealed record AttachmentRecord(string FileName, string ContentType, long Size, string Url);
