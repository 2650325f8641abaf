using System.Globalization;
using System.Text;
using Transparency.Core.Search;

namespace Transparency.Portal.Services;

/// <summary>
/// The query string of the public lists, the search page and the API, validated in one place:
/// <c>q, type, year, session, kind, category, unit, outcome, part, sort, page, pageSize</c>.
/// A bad value is refused with a message naming the parameter (400), never passed on.
/// </summary>
public sealed record PublicQuery
{
    public const int MaxTextLength = 200;
    public const int MaxValueLength = 100;
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>Deep pages cost the index memory; nobody reads past the ten-thousandth result.</summary>
    public const int MaxResultWindow = 10_000;

    /// <summary>The parameters, in the order links write them (stable URLs).</summary>
    public static readonly IReadOnlyList<string> Parameters =
        ["q", SearchFields.Type, .. SearchFields.Filters, "sort", "page", "pageSize"];

    public string? Text { get; init; }

    /// <summary>Content type filter (<see cref="PublicContentTypes"/>); the reply list fixes it to reply.</summary>
    public string? Type { get; init; }

    /// <summary>Filter field → value (<see cref="SearchFields.Filters"/>).</summary>
    public IReadOnlyDictionary<string, string> Filters { get; init; } = new Dictionary<string, string>();

    /// <summary>Null when the visitor did not choose (relevance with words, newest first without).</summary>
    public SearchSort? Sort { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = DefaultPageSize;

    public bool HasText => !string.IsNullOrWhiteSpace(Text);

    /// <summary>Reads and checks the query string; <paramref name="errors"/> maps each bad parameter to its message.</summary>
    public static PublicQuery Parse(IQueryCollection query, QueryMessages messages, out Dictionary<string, string[]> errors)
    {
        var found = new Dictionary<string, string[]>(StringComparer.Ordinal);
        errors = found;

        string? Single(string name)
        {
            if (!query.TryGetValue(name, out var values) || values.Count == 0)
            {
                return null;
            }

            if (values.Count > 1)
            {
                found[name] = [messages.OnlyOne(name)];
                return null;
            }

            var value = values[0]?.Trim();
            if (string.IsNullOrEmpty(value))
            {
                return null;
            }

            if (value.Any(char.IsControl))
            {
                found[name] = [messages.ControlCharacters(name)];
                return null;
            }

            return value;
        }

        string? Limited(string name, int max)
        {
            var value = Single(name);
            if (value is not null && value.Length > max)
            {
                found[name] = [messages.TooLong(name, max)];
                return null;
            }

            return value;
        }

        string? OneOf(string name, IReadOnlyList<string> allowed)
        {
            var value = Single(name);
            var match = value is null ? null : allowed.FirstOrDefault(a => string.Equals(a, value, StringComparison.OrdinalIgnoreCase));
            if (value is not null && match is null)
            {
                found[name] = [messages.OneOf(name, allowed)];
            }

            return match;
        }

        int? Number(string name, int min, int max)
        {
            var value = Single(name);
            if (value is null)
            {
                return null;
            }

            if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < min || number > max)
            {
                found[name] = [messages.Range(name, min, max)];
                return null;
            }

            return number;
        }

        var filters = new Dictionary<string, string>(StringComparer.Ordinal);
        void Filter(string name, string? value)
        {
            if (value is not null)
            {
                filters[name] = value;
            }
        }

        var text = Limited("q", MaxTextLength);
        var type = OneOf(SearchFields.Type, [PublicContentTypes.Reply, PublicContentTypes.Summary, PublicContentTypes.Page]);
        Filter(SearchFields.Year, Number(SearchFields.Year, 1949, 2999)?.ToString(CultureInfo.InvariantCulture));
        Filter(SearchFields.Session, Limited(SearchFields.Session, MaxValueLength));
        Filter(SearchFields.Kind, OneOf(SearchFields.Kind, PublicText.Kinds));
        Filter(SearchFields.Category, Limited(SearchFields.Category, MaxValueLength));
        Filter(SearchFields.Unit, Limited(SearchFields.Unit, MaxValueLength));
        Filter(SearchFields.Outcome, OneOf(SearchFields.Outcome, PublicText.Outcomes));
        Filter(SearchFields.Part, OneOf(SearchFields.Part, PublicText.Parts));
        var sort = OneOf("sort", ["relevance", "date"]) switch
        {
            "relevance" => SearchSort.Relevance,
            "date" => SearchSort.Date,
            _ => (SearchSort?)null,
        };
        var pageSize = Number("pageSize", 1, MaxPageSize) ?? DefaultPageSize;
        var page = Number("page", 1, MaxResultWindow) ?? 1;
        if (!found.ContainsKey("page") && (long)page * pageSize > MaxResultWindow)
        {
            found["page"] = [messages.BeyondWindow("page", MaxResultWindow)];
            page = 1;
        }

        return new PublicQuery
        {
            Text = text,
            Type = type,
            Filters = filters,
            Sort = sort,
            Page = page,
            PageSize = pageSize,
        };
    }

    /// <summary>The search request for this query; <paramref name="contentType"/> overrides <see cref="Type"/>.</summary>
    public SearchQuery ToSearchQuery(string? contentType, bool withFacets)
        => new(Text, Filters, Sort ?? SearchSort.Relevance, Page, PageSize)
        {
            ContentType = contentType ?? Type,
            WithFacets = withFacets,
        };

    /// <summary>
    /// A stable link to <paramref name="path"/> with this query's parameters in a fixed order, defaults left out;
    /// <paramref name="changes"/> set (or, with null, remove) parameters. Changing anything but the page starts at page 1.
    /// </summary>
    public string Link(string path, params (string Name, string? Value)[] changes)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["q"] = Text,
            [SearchFields.Type] = Type,
            ["sort"] = Sort switch { SearchSort.Date => "date", SearchSort.Relevance => "relevance", _ => null },
            ["page"] = Page > 1 ? Page.ToString(CultureInfo.InvariantCulture) : null,
            ["pageSize"] = PageSize != DefaultPageSize ? PageSize.ToString(CultureInfo.InvariantCulture) : null,
        };
        foreach (var (name, value) in Filters)
        {
            values[name] = value;
        }

        if (changes.Any(c => c.Name != "page"))
        {
            values["page"] = null;
        }

        foreach (var (name, value) in changes)
        {
            values[name] = name == "page" && value == "1" ? null : value;
        }

        var builder = new StringBuilder(path);
        var separator = '?';
        foreach (var name in Parameters)
        {
            if (values.GetValueOrDefault(name) is { Length: > 0 } value)
            {
                builder.Append(separator).Append(name).Append('=').Append(Uri.EscapeDataString(value));
                separator = '&';
            }
        }

        return builder.ToString();
    }
}
