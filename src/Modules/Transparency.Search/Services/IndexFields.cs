using System.Globalization;
using Lucene.Net.Documents;
using Lucene.Net.Util;
using Transparency.Core.Search;

namespace Transparency.Search.Services;

/// <summary>How a <see cref="SearchDocument"/> is laid out in the Lucene index.</summary>
public static class IndexFields
{
    /// <summary>“type:id”, unique per document: the term updates and deletes address, and the last sort key.</summary>
    public const string Key = "key";
    public const string Id = "id";
    public const string Url = "url";
    public const string Title = "title";

    /// <summary>
    /// The searched text: the document's body (stored, for snippets), then the proposal's public text and the
    /// representatives' names as further values (not stored). One field rather than three: a typed word is looked up in
    /// three fields instead of five, which is most of a search's cost (docs/performance.md).
    /// </summary>
    public const string Body = "body";
    public const string Number = SearchDisplayFields.Number;

    /// <summary>yyyyMMdd as a number (doc values, for sorting).</summary>
    public const string Date = "date";

    /// <summary>yyyy-MM-dd, stored for display.</summary>
    public const string DateText = "date_text";

    /// <summary>
    /// The version of this layout, kept in the cursor file beside the index: an index written with another version is
    /// rebuilt at start (2: display fields stored, <see cref="SearchDisplayFields"/>; proposal text and names
    /// searched as part of <see cref="Body"/>).
    /// </summary>
    public const int Layout = 2;

    /// <summary>The fields a typed query searches, with their boosts (a match in the title counts most).</summary>
    public static readonly IReadOnlyDictionary<string, float> Searched = new Dictionary<string, float>
    {
        [Title] = 3f,
        [Number] = 2f,
        [Body] = 1f,
    };

    /// <summary>Filter and facet fields (exact values, several for units) plus the content type.</summary>
    public static readonly IReadOnlyList<string> Exact = [SearchFields.Type, .. SearchFields.Filters];

    public static string KeyOf(string contentType, string contentId) => contentType + ":" + contentId;

    public static Document ToLucene(SearchDocument source)
    {
        var key = KeyOf(source.ContentType, source.ContentId);
        var doc = new Document
        {
            new StringField(Key, key, Field.Store.NO),
            new SortedDocValuesField(Key, new BytesRef(key)),
            new StoredField(Id, source.ContentId),
            new StoredField(Url, source.Url),
            // Stored for the snippets, which find the query's words in the text (Snippets): no term vectors to write or read.
            new TextField(Title, source.Title, Field.Store.YES),
            new TextField(Body, source.Body, Field.Store.YES),
            new NumericDocValuesField(Date, (source.Date.Year * 10_000L) + (source.Date.Month * 100L) + source.Date.Day),
            new StoredField(DateText, source.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        };
        if (source.Number is { Length: > 0 } number)
        {
            doc.Add(new TextField(Number, number, Field.Store.YES));
        }

        if (source.ProposalText is { Length: > 0 } proposal)
        {
            doc.Add(new TextField(Body, proposal, Field.Store.NO));
        }

        if (source.Representatives.Count > 0)
        {
            doc.Add(new TextField(Body, string.Join(" ", source.Representatives), Field.Store.NO));
        }

        AddExact(doc, SearchFields.Type, source.ContentType);
        AddExact(doc, SearchFields.Year, source.Year?.ToString(CultureInfo.InvariantCulture));
        AddExact(doc, SearchFields.Session, source.Session);
        AddExact(doc, SearchFields.Kind, source.Kind);
        AddExact(doc, SearchFields.Category, source.Category);
        foreach (var unit in source.Units.Where(u => !string.IsNullOrWhiteSpace(u)).Select(u => u.Trim()).Distinct(StringComparer.Ordinal))
        {
            AddExact(doc, SearchFields.Unit, unit);
        }

        AddExact(doc, SearchFields.Outcome, source.Outcome);
        AddExact(doc, SearchFields.Part, source.Part);
        foreach (var name in SearchDisplayFields.All)
        {
            if (source.Display.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value))
            {
                doc.Add(new StoredField(name, value));
            }
        }

        return doc;
    }

    /// <summary>A filter value: searchable as one exact term, counted through its doc values, stored for display.</summary>
    private static void AddExact(Document doc, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        doc.Add(new StringField(field, value.Trim(), Field.Store.YES));
        doc.Add(new SortedSetDocValuesField(field, new BytesRef(value.Trim())));
    }
}
