using System.Globalization;
using Transparency.Core.Feedback;
using Transparency.Core.Proposals;

namespace Transparency.Core.Publishing;

/// <summary>
/// The handling figures of a session (counts, rates, outcome mix, categories), computed from the records: for the
/// summary draft, the public statistics page, the home page and the API. Implemented by the replies module.
/// </summary>
public interface IHandlingFigures
{
    /// <summary>The figures of a session, or null when there is no such session.</summary>
    Task<HandlingFigures?> FindAsync(int sessionId, CancellationToken cancellationToken = default);
}

/// <summary>A category and how many of the session's handled proposals belong to it.</summary>
/// <param name="Name">类别, e.g. 垃圾分类.</param>
/// <param name="Count">Number of proposals.</param>
public sealed record CategoryCount(string Name, int Count);

/// <summary>
/// The figures of a handling summary for one session, as the seed states them: how many proposals the bureau's units
/// handled (主办 including 分办, 协办), the consultation and on-time rates, the outcome mix, the categories, the key
/// proposals. Rates are null when there is nothing to count yet.
/// </summary>
/// <param name="Session">The session.</param>
/// <param name="Total">Proposals with at least one active assignment to one of the bureau's (internal) units.</param>
/// <param name="Lead">Of these, the ones an internal unit leads (主办) or handles a split part of (分办).</param>
/// <param name="Co">Of these, the ones the bureau only co-handles (协办).</param>
/// <param name="Split">Of <paramref name="Lead"/>, the ones the bureau handles only as a split part (分办).</param>
/// <param name="Consulted">Lead-handled proposals with at least one consultation (面商 / 沟通联系) recorded.</param>
/// <param name="Replied">Lead-handled proposals with at least one sent reply of the bureau's units.</param>
/// <param name="Sent">First-round replies of the bureau's units that were sent (送达).</param>
/// <param name="OnTime">Of these, the ones sent on or before their due date.</param>
/// <param name="OutcomeA">Sent replies (the latest round of each) whose approved version is class A.</param>
/// <param name="OutcomeB">… class B.</param>
/// <param name="OutcomeC">… class C.</param>
/// <param name="Categories">Categories of the handled proposals, most frequent first.</param>
/// <param name="Key">Handled proposals flagged as key proposals (重点建议).</param>
/// <param name="SatisfactionRate">满意率 ((满意 + 基本满意) / ratings received); null until representatives' feedback is recorded by a feedback module.</param>
public sealed record HandlingFigures(
    SessionInfo Session,
    int Total,
    int Lead,
    int Co,
    int Split,
    int Consulted,
    int Replied,
    int Sent,
    int OnTime,
    int OutcomeA,
    int OutcomeB,
    int OutcomeC,
    IReadOnlyList<CategoryCount> Categories,
    int Key,
    string? SatisfactionRate = null)
{
    /// <summary>Per unit of the bureau: how many proposals it leads and co-handles, and its first-round replies sent.</summary>
    public IReadOnlyList<UnitFigure> Units { get; init; } = [];

    /// <summary>The representatives' ratings (满意度测评), when a feedback module records them; null otherwise.</summary>
    public SatisfactionFigures? Satisfaction { get; init; }

    /// <summary>面商率: consulted lead-handled proposals over lead-handled proposals, e.g. “100%”.</summary>
    public string? ConsultationRate => Rate(Consulted, Lead);

    /// <summary>按时办复率: first-round replies sent on time over first-round replies sent, e.g. “85.7%”.</summary>
    public string? OnTimeRate => Rate(OnTime, Sent);

    /// <summary>A percentage as the seed writes it: “100%”, “85.7%” (one decimal at most); null when <paramref name="whole"/> is 0.</summary>
    public static string? Rate(int part, int whole)
    {
        if (whole <= 0)
        {
            return null;
        }

        var value = Math.Round(part * 100m / whole, 1, MidpointRounding.AwayFromZero);
        return value.ToString("0.#", CultureInfo.InvariantCulture) + "%";
    }
}

/// <summary>One unit's share of a session's handling.</summary>
/// <param name="Name">The unit's short name.</param>
/// <param name="Lead">Proposals it leads (主办) or handles a split part of (分办).</param>
/// <param name="Co">Proposals it co-handles (协办).</param>
/// <param name="Sent">Its first-round replies sent.</param>
/// <param name="OnTime">Of these, sent on time.</param>
public sealed record UnitFigure(string Name, int Lead, int Co, int Sent, int OnTime);
