namespace Transparency.Replies.Services;

/// <summary>A rule of the document lifecycle was broken; the message is for the user, the field names the input.</summary>
public sealed class DocumentRuleException(string message, string? field = null) : Exception(message)
{
    public string? Field { get; } = field;
}

/// <summary>Thrown when a document or version does not exist, or the user may not see it: answered with 404.</summary>
public sealed class DocumentNotFoundException() : Exception("The document does not exist or is not visible to you.");

/// <summary>
/// Two people edited the same version: the second save is refused. Carries the version as it is now (who saved
/// it, when, its texts) so the page can show what changed; nothing was overwritten.
/// </summary>
public sealed class DocumentConflictException(Models.DocumentVersion current) : Exception("The version was changed by someone else since you opened it.")
{
    public Models.DocumentVersion Current { get; } = current;
}
