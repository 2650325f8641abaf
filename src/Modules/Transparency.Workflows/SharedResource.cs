namespace Transparency.Workflows;

/// <summary>Marker for this module's localized strings (source text zh-CN; <c>SharedResource.en.resx</c> holds English).</summary>
public sealed class SharedResource;
