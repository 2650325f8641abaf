namespace Transparency.Core.Search;

/// <summary>The content-change log when no module keeps one (the search module is disabled): staged changes are dropped.</summary>
public sealed class NullContentChangeLog : IContentChangeLog
{
    /// <inheritdoc />
    public void Stage(string contentType, string contentId, ContentChangeKind kind)
    {
    }
}
