namespace Transparency.Replies.Models;

/// <summary>What the publisher did with a piece of personal data found in a version's public text.</summary>
public sealed class PersonalDataRecord
{
    public long Id { get; set; }
    public int DocumentId { get; set; }
    public int VersionNumber { get; set; }
    public string Kind { get; set; } = "";

    /// <summary>The value as found; kept for staff only, never shown publicly.</summary>
    public string Value { get; set; } = "";

    public PersonalDataDecision Decision { get; set; }
    public string Actor { get; set; } = "";
    public DateTime OccurredUtc { get; set; }
}
