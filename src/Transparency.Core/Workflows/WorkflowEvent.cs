using System.Globalization;

namespace Transparency.Core.Workflows;

/// <summary>
/// Something that happened and may start workflows (Orchard Core's workflow events): a name from
/// <see cref="WorkflowEventNames"/>, the subject it concerns (e.g. <c>proposal:12</c>) and named values that the
/// workflow's conditions and Liquid templates read as <c>event.&lt;name&gt;</c>.
/// </summary>
/// <param name="Name">One of <see cref="WorkflowEventNames"/>.</param>
/// <param name="Subject">What it concerns, as in the audit trail: <c>proposal:{id}</c>, <c>commitment:{id}</c>.</param>
/// <param name="Values">Named values (ids, numbers, titles, the rating…), all as text.</param>
public sealed record WorkflowEvent(string Name, string Subject, IReadOnlyDictionary<string, string?> Values)
{
    /// <summary>
    /// A key that makes the event unique (timer events: one per deadline, threshold and day); a second event with the
    /// same key is not recorded. Null for events raised by a change, which happen once by construction.
    /// </summary>
    public string? UniqueKey { get; init; }

    /// <summary>The value named <paramref name="name"/> as a number, or null.</summary>
    /// <param name="name">The value's name, e.g. <c>proposalId</c>.</param>
    /// <returns>The number, or null when missing or not a number.</returns>
    public int? Number(string name)
        => Values.TryGetValue(name, out var text) && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

    /// <summary>Builds the values of an event from pairs, formatting numbers and dates invariantly.</summary>
    /// <param name="pairs">Names and values; null values are kept as null.</param>
    /// <returns>The values dictionary.</returns>
    public static IReadOnlyDictionary<string, string?> ValuesOf(params (string Name, object? Value)[] pairs)
        => pairs.ToDictionary(p => p.Name, p => p.Value switch
        {
            null => null,
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            var other => other.ToString(),
        }, StringComparer.Ordinal);
}

/// <summary>The events that start workflows. Values each event carries are listed with it.</summary>
public static class WorkflowEventNames
{
    /// <summary>A unit was given a proposal (交办): proposalId, number, title, kind, assignmentId, unitId, part (Lead/Co/Split), dueOn.</summary>
    public const string ProposalAssigned = "ProposalAssigned";

    /// <summary>A co-handling unit submitted its opinion: proposalId, number, title, unitId (the co unit), leadUnitIds.</summary>
    public const string CoOpinionSubmitted = "CoOpinionSubmitted";

    /// <summary>A reply was submitted for review: replyId, proposalId, number, title, unitId, stage, actor.</summary>
    public const string ReplySubmitted = "ReplySubmitted";

    /// <summary>A reply was returned: replyId, proposalId, number, title, unitId, stage, comment, authors (comma-separated user names), actor.</summary>
    public const string ReplyReturned = "ReplyReturned";

    /// <summary>A reply passed its last review stage: replyId, proposalId, number, title, unitId, actor.</summary>
    public const string ReplyApproved = "ReplyApproved";

    /// <summary>A reply was sent (送达): replyId, proposalId, number, title, unitId, round, sentOn, actor.</summary>
    public const string ReplySent = "ReplySent";

    /// <summary>A reply was published: replyId, proposalId, number, title, unitId, actor.</summary>
    public const string ReplyPublished = "ReplyPublished";

    /// <summary>A representative rated a round: proposalId, number, title, ratingId, round, rating (满意/基本满意/不满意), representative.</summary>
    public const string FeedbackReceived = "FeedbackReceived";

    /// <summary>A deadline is N working days away: proposalId, number, title, assignmentId, unitId, part, dueOn, workingDaysLeft.</summary>
    public const string DeadlineApproaching = "DeadlineApproaching";

    /// <summary>A deadline has passed without a reply (raised once a day): proposalId, number, title, assignmentId, unitId, part, dueOn, daysOverdue.</summary>
    public const string Overdue = "Overdue";

    /// <summary>A commitment (承诺事项) is past its date and not kept (raised once a day): commitmentId, proposalId, unitId, text, dueOn.</summary>
    public const string CommitmentOverdue = "CommitmentOverdue";

    /// <summary>Every event name, in the order of the editor's list.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        ProposalAssigned, CoOpinionSubmitted, ReplySubmitted, ReplyReturned, ReplyApproved, ReplySent, ReplyPublished,
        FeedbackReceived, DeadlineApproaching, Overdue, CommitmentOverdue,
    ];
}
