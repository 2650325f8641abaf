using Transparency.Feedback.Models;

namespace Transparency.Feedback.Services;

/// <summary>A refused request: the message names the field and the reason; nothing was saved.</summary>
public sealed class FeedbackRuleException(string message, string? field = null) : Exception(message)
{
    public string? Field { get; } = field;
}

/// <summary>Not there, or not for this user: answered 404 without saying which.</summary>
public sealed class FeedbackNotFoundException() : Exception("Not found.");

/// <summary>A second rating of the same round by the same representative: the first one stands and is shown.</summary>
public sealed class FeedbackAlreadyGivenException(FeedbackRating rating) : Exception("This round was already rated.")
{
    public FeedbackRating Rating { get; } = rating;
}
