namespace Transparency.Theme.Admin;

/// <summary>Marker for this theme's localized strings (source text zh-CN; <c>SharedResource.en.resx</c> holds English).</summary>
public sealed class SharedResource;
