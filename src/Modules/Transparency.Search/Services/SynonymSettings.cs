namespace Transparency.Search.Services;

/// <summary>
/// The synonym groups (settings document <see cref="DocumentName"/>): a query that contains one member of a group also
/// finds the other members. Applied at query time, so an edit needs no reindex.
/// </summary>
public sealed class SynonymSettings
{
    public const string DocumentName = "Search.Synonyms";

    public List<List<string>> Groups { get; set; } = [];
}
