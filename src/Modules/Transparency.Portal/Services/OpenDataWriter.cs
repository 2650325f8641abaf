using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using CsvHelper;

namespace Transparency.Portal.Services;

/// <summary>Writes published replies as CSV (RFC 4180, UTF-8 with BOM so Excel reads Chinese) or JSON, streaming.</summary>
public static class OpenDataWriter
{
    /// <summary>Separates the names of a list column (representatives, lead units, co units) in the CSV.</summary>
    public const string ListSeparator = ";";

    /// <summary>JSON as the API and the open data write it: snake_case names, Chinese kept readable.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The CSV header, which is also the JSON property names.</summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        "id", "url", "session", "year", "kind", "number", "title", "proposal_title", "representatives", "category", "unit",
        "part", "lead_units", "co_units", "assigned", "due", "sent", "outcome", "round", "published", "text",
    ];

    public static async Task WriteCsvAsync(Stream body, IAsyncEnumerable<ReplyRecord> records, CancellationToken cancellationToken)
    {
        var options = new CsvWriterOptions
        {
            WriteByteOrderMark = true,
            NewLine = "\r\n",
            Injection = CsvInjection.Escape, // made for Excel (hence the BOM): a text starting with = + - @ is not run as a formula
        };
        await using var csv = CsvWriter.Create(body, options, leaveOpen: true);
        await csv.WriteRecordAsync([.. Columns], cancellationToken);
        await foreach (var r in records.WithCancellation(cancellationToken))
        {
            string?[] fields =
            [
                Str(r.Id), r.Url, r.Session, Str(r.Year), r.Kind, r.Number, r.Title, r.ProposalTitle, List(r.Representatives), r.Category,
                r.Unit, r.Part, List(r.LeadUnits), List(r.CoUnits), r.Assigned, r.Due, r.Sent, r.Outcome, Str(r.Round), r.Published, r.Text,
            ];
            await csv.WriteRecordAsync([.. fields.Select(f => f ?? "")], cancellationToken);
        }

        await csv.FlushAsync(cancellationToken);
    }

    public static Task WriteJsonAsync(Stream body, IAsyncEnumerable<ReplyRecord> records, CancellationToken cancellationToken)
        => JsonSerializer.SerializeAsync(body, records, Json, cancellationToken);

    private static string Str(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string List(IReadOnlyList<string> names) => string.Join(ListSeparator, names);
}
