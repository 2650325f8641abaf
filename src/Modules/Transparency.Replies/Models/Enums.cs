namespace Transparency.Replies.Models;

/// <summary>The content types that go through review: a reply to a proposal, and the annual handling summary.</summary>
public enum DocumentKind
{
    Reply,
    Summary,
}

/// <summary>
/// Where a document stands (PRODUCT.md §3): <c>Draft → InReview → (Returned → Draft …) → AwaitingApproval → Approved →
/// Sent → Published</c>, or <c>Sent → Withheld</c>; a published document may be unpublished (with a reason).
/// Summaries skip <c>Sent</c>.
/// </summary>
public enum DocumentStatus
{
    Draft,
    InReview,
    AwaitingApproval,
    Returned,
    Approved,
    Sent,
    Published,
    Withheld,
    Unpublished,
}

/// <summary>A version is edited while a draft, frozen once submitted, and marked when it is (or was) the published one.</summary>
public enum VersionState
{
    Draft,
    Submitted,
    Returned,
    Approved,
    Published,
    Superseded,
}

/// <summary>办理结果分类: A 已解决或采纳, B 正在解决或列入计划, C 因条件限制暂时无法解决.</summary>
public enum ReplyOutcome
{
    A,
    B,
    C,
}

/// <summary>送达方式.</summary>
public enum SendChannel
{
    Mail,
    InPerson,
    Email,
    Platform,
}

/// <summary>What happened to a document, as kept in its history.</summary>
public enum DecisionAction
{
    Submitted,
    Approved,
    Returned,
    Sent,
    Published,
    Withheld,
    Unpublished,
    Restored,
}

/// <summary>What the publisher decided about a piece of personal data found in the public text.</summary>
public enum PersonalDataDecision
{
    Redacted,
    Confirmed,
}
