using Transparency.Core.Search;

namespace Transparency.Search.Models;

/// <summary>
/// An entry of the content-change log (<c>search_indexing_tasks</c>), Orchard Core's indexing task: staged in the unit
/// of work of the change it announces. <see cref="Id"/> is the log's sequence; every node tails it with its own cursor.
/// </summary>
public sealed class IndexingTask
{
    public const int ContentTypeMaxLength = 32;
    public const int ContentIdMaxLength = 64;

    public long Id { get; set; }

    public string ContentType { get; set; } = "";

    public string ContentId { get; set; } = "";

    public ContentChangeKind Kind { get; set; }

    public DateTime CreatedUtc { get; set; }
}
