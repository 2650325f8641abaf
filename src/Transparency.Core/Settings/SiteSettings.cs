namespace Transparency.Core.Settings;

/// <summary>Site-wide settings edited by the administrator and by the <c>Settings</c> recipe step.</summary>
public sealed record SiteSettings
{
    /// <summary>The cultures the site offers.</summary>
    public static readonly IReadOnlyList<string> SupportedCultures = ["zh-CN", "en"];

    /// <summary>The site name shown in the header and the title.</summary>
    public string SiteName { get; init; } = "建议提案办理公开平台";

    /// <summary>The culture used when the visitor has not chosen one.</summary>
    public string DefaultCulture { get; init; } = "zh-CN";

    /// <summary>The bureau that runs the site, shown in the footer.</summary>
    public string Organization { get; init; } = "";
}
