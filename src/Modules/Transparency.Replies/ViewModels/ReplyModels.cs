using Transparency.Replies.Models;
using Transparency.Replies.Services;

namespace Transparency.Replies.ViewModels;

/// <summary>The back-office page of a reply.</summary>
public sealed class ReplyPageModel
{
    public required ReplyContext Context { get; init; }
    public required DocumentVersion Latest { get; init; }
    public DocumentVersion? Published { get; init; }
    public required ReviewPanelModel Panel { get; init; }
    public required IReadOnlyList<DocumentAttachment> Attachments { get; init; }
    public bool CanSend { get; init; }
    public bool CanAttach { get; init; }

    /// <summary>The re-handling round the drafter may start a reply for (重新办理), when one is open and not started.</summary>
    public int? NextRound { get; init; }

    public Reply Reply => Context.Reply;
}

/// <summary>The 送达 form.</summary>
public sealed class SendForm
{
    public DateOnly? SentOn { get; set; }
    public SendChannel? Channel { get; set; }
}

/// <summary>One row of the reply list or the inbox.</summary>
/// <param name="Reply">The reply.</param>
/// <param name="ProposalNumber">建议编号.</param>
/// <param name="ProposalTitle">The proposal's title.</param>
/// <param name="SessionName">届次.</param>
/// <param name="UnitName">The replying unit.</param>
/// <param name="Task">What waits for the user, for inbox rows (e.g. 待审核).</param>
public sealed record ReplyRow(Reply Reply, string ProposalNumber, string ProposalTitle, string SessionName, string UnitName, string? Task);

/// <summary>The reply list with its filter.</summary>
public sealed class ReplyListModel
{
    public required IReadOnlyList<ReplyRow> Rows { get; init; }
    public DocumentStatus? Status { get; init; }
    public string? Query { get; init; }
}

/// <summary>The inbox: what waits for the user.</summary>
public sealed class InboxModel
{
    public required IReadOnlyList<ReplyRow> Replies { get; init; }
    public required IReadOnlyList<(HandlingSummary Summary, string Task)> Summaries { get; init; }
}
