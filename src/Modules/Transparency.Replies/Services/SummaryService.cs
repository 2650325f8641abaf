using System.Security.Claims;
using Transparency.Replies.Models;

namespace Transparency.Replies.Services;

/// <summary>办理工作总结: one per session, drafted from the data, reviewed, approved and published like a reply.</summary>
public sealed class SummaryService
{
    /// <summary>The summaries waiting for the user (to review at their stage, to publish, to amend).</summary>
#pragma warning disable CA1822 // Stub until the summaries land.
    public Task<IReadOnlyList<(HandlingSummary Summary, string Task)>> InboxAsync(ClaimsPrincipal user)
        => Task.FromResult<IReadOnlyList<(HandlingSummary, string)>>([]);
#pragma warning restore CA1822
}
