using Transparency.Search.Services;

namespace Transparency.Search.ViewModels;

/// <summary>The /admin/search page: this node's index and the synonyms form.</summary>
public sealed class SearchAdminViewModel
{
    public required IndexStatusReport Status { get; init; }

    /// <summary>One synonym group per line, words separated by “/”.</summary>
    public string Synonyms { get; set; } = "";

    public IReadOnlyList<string> Errors { get; init; } = [];

    /// <summary>A date and time in China (UTC+8) for display.</summary>
    public static string Local(DateTime? utc)
        => utc is { } value ? DateTime.SpecifyKind(value, DateTimeKind.Utc).AddHours(8).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) : "—";
}
