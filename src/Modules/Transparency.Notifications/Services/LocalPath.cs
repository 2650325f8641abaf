namespace Transparency.Notifications.Services;

/// <summary>
/// The one rule for a notice's link: a path on this site, starting with a single '/'. Absolute URLs,
/// protocol-relative ones ("//host") and "/\host" (which browsers read as "//host") are refused, as are
/// control characters and white space, so opening a notice can never send anyone to another site.
/// </summary>
public static class LocalPath
{
    public static bool IsLocal(string? url)
    {
        if (string.IsNullOrEmpty(url) || url[0] != '/')
        {
            return false;
        }

        if (url.Length > 1 && url[1] is '/' or '\\')
        {
            return false;
        }

        return !url.Any(c => char.IsControl(c) || char.IsWhiteSpace(c));
    }
}
