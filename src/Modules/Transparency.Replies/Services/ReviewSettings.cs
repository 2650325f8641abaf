namespace Transparency.Replies.Services;

/// <summary>
/// The review stages a document passes before it is approved, in order (PRODUCT.md §3). Kept as the settings
/// document <see cref="DocumentName"/>; the default is 审核 by the reviewer in charge of the unit, then 审定 by the approver.
/// </summary>
public sealed class ReviewSettings
{
    public const string DocumentName = "Replies.Review";

    public List<ReviewStage> Stages { get; set; } = Defaults();

    /// <summary>审核 (unit-scoped, Replies.Review), then 审定 (Replies.Approve).</summary>
    public static List<ReviewStage> Defaults() =>
    [
        new() { Name = "审核", Permission = RepliesPermissions.Review, UnitScoped = true },
        new() { Name = "审定", Permission = RepliesPermissions.Approve, UnitScoped = false },
    ];

    /// <summary>The stages, or the defaults when the stored list is empty.</summary>
    public IReadOnlyList<ReviewStage> Effective() => Stages is { Count: > 0 } ? Stages : Defaults();
}

/// <summary>One review stage: its name, the permission that acts at it, and whether the actor must belong to the document's unit.</summary>
public sealed class ReviewStage
{
    public string Name { get; set; } = "";
    public string Permission { get; set; } = "";

    /// <summary>True when only members of the document's unit (e.g. the leader in charge of it) act at this stage.</summary>
    public bool UnitScoped { get; set; }
}
