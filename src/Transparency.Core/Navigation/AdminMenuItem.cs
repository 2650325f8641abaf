namespace Transparency.Core.Navigation;

/// <summary>One entry of the back-office menu.</summary>
/// <param name="Group">Heading the entry appears under (source text, localized when rendered).</param>
/// <param name="Title">Link text (source text, localized when rendered).</param>
/// <param name="Url">Where the entry leads.</param>
/// <param name="Permission">The permission a user needs to see the entry.</param>
/// <param name="Order">Position within its group; lower first.</param>
public sealed record AdminMenuItem(string Group, string Title, string Url, string Permission, int Order = 0)
{
    /// <summary>The type whose resources localize <see cref="Group"/> and <see cref="Title"/>.</summary>
    public Type? ResourceType { get; init; }
}
