namespace Transparency.Core.Feedback;

/// <summary>
/// Told when a reply reaches the representatives (送达), inside the unit of work that records the sending, so whatever
/// it stages (e.g. the representatives' invitation links) is saved with the sending or not at all. Implemented by the
/// feedback module; the replies module calls every registered observer.
/// </summary>
public interface IReplySentObserver
{
    /// <summary>Stages the observer's consequences of a sent reply; the caller saves.</summary>
    /// <param name="reply">The reply that was sent.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    Task ReplySentAsync(SentReplyNotice reply, CancellationToken cancellationToken = default);
}

/// <summary>A reply that was just sent.</summary>
/// <param name="ReplyId">The reply.</param>
/// <param name="ProposalId">The proposal it answers.</param>
/// <param name="Round">The handling round (1, or 2… after 重新办理).</param>
/// <param name="UnitId">The replying unit.</param>
/// <param name="SentOn">送达日期.</param>
/// <param name="Actor">Who recorded the sending (user name).</param>
public sealed record SentReplyNotice(int ReplyId, int ProposalId, int Round, int UnitId, DateOnly SentOn, string Actor);
