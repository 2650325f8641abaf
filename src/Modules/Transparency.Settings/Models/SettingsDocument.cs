namespace Transparency.Settings.Models;

/// <summary>A named settings document stored as JSON, so new settings need no migration.</summary>
public sealed class SettingsDocument
{
    public string Name { get; set; } = "";
    public string Json { get; set; } = "{}";
}
