namespace Transparency.Core.Settings;

/// <summary>
/// Named settings documents (JSON) that modules keep for themselves, e.g. the review stages and the reply-letter
/// template of the Replies module. Stored by the Settings module beside the site settings.
/// </summary>
public interface ISettingsDocumentStore
{
    /// <summary>The document, or a new <typeparamref name="T"/> (its defaults) when none is stored.</summary>
    Task<T> GetAsync<T>(string name, CancellationToken cancellationToken = default)
        where T : class, new();

    /// <summary>Stages the document in the current unit of work with an audit event; the caller saves.</summary>
    Task UpdateAsync<T>(string name, T value, string summary, CancellationToken cancellationToken = default)
        where T : class;
}
