namespace Transparency.Proposals.Services.Reports;

/// <summary>One unit's handling progress in a session: the row of the dashboard and of the weekly report.</summary>
public sealed record UnitProgress(
    int UnitId,
    string Unit,
    bool IsInternal,
    int Lead,
    int Co,
    int Split,
    int InProgress,
    int Replied,
    int Overdue,
    int DueSoon,
    int Returned,
    int Consulted,
    int CoOpinionsSubmitted)
{
    /// <summary>Assignments that call for a reply by this unit (lead and split).</summary>
    public int Replying => Lead + Split;

    public int Assigned => Lead + Co + Split;

    /// <summary>Share of replying assignments with at least one consultation (面商率), 0–1.</summary>
    public double ConsultationRate => Replying == 0 ? 0 : (double)Consulted / Replying;

    /// <summary>Overdue work, or nothing replied while deadlines are a week away: the unit is highlighted (进度滞后).</summary>
    public bool IsLagging => Overdue > 0 || (DueSoon > 0 && Replied == 0);
}

/// <summary>The session's headline figures.</summary>
public sealed record SessionProgress(
    int SessionId,
    string Session,
    int Proposals,
    int InternalLead,
    int InternalCo,
    int InternalSplit,
    int Replied,
    int Overdue,
    int DueSoon,
    IReadOnlyList<UnitProgress> Units);
