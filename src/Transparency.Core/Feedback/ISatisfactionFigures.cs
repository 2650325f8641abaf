using System.Globalization;

namespace Transparency.Core.Feedback;

/// <summary>
/// The representatives' satisfaction figures of a set of proposals, for the handling figures (statistics page, summary
/// draft, API). Implemented by the feedback module; without it there are no satisfaction figures.
/// </summary>
public interface ISatisfactionFigures
{
    /// <summary>The figures of the ratings given on these proposals.</summary>
    Task<SatisfactionFigures> ForProposalsAsync(IReadOnlyCollection<int> proposalIds, CancellationToken cancellationToken = default);
}

/// <summary>
/// Counts of ratings. The final figures count each representative's rating of the latest round they rated on each
/// proposal (a re-handled proposal counts with its last rating, as 重新办理直至满意 intends); the first-round figures
/// count the ratings of round 1. Corrections by the coordinator apply.
/// </summary>
/// <param name="Ratings">Final ratings received.</param>
/// <param name="Satisfied">Of these, 满意.</param>
/// <param name="BasicallySatisfied">Of these, 基本满意.</param>
/// <param name="FirstRoundRatings">Round-1 ratings received.</param>
/// <param name="FirstRoundSatisfied">Of these, 满意 or 基本满意.</param>
/// <param name="AttitudeSatisfied">Final ratings whose 办理态度 is 满意 or 基本满意.</param>
/// <param name="ResultSatisfied">Final ratings whose 办理结果 is 满意 or 基本满意.</param>
/// <param name="CommunicationSatisfied">Final ratings whose 沟通联系 is 满意 or 基本满意.</param>
/// <param name="Consulted">Final ratings in which the representative reports a face-to-face consultation (面商).</param>
public sealed record SatisfactionFigures(
    int Ratings,
    int Satisfied,
    int BasicallySatisfied,
    int FirstRoundRatings,
    int FirstRoundSatisfied,
    int AttitudeSatisfied,
    int ResultSatisfied,
    int CommunicationSatisfied,
    int Consulted)
{
    /// <summary>None at all.</summary>
    public static SatisfactionFigures Empty { get; } = new(0, 0, 0, 0, 0, 0, 0, 0, 0);

    /// <summary>Final ratings that were 不满意.</summary>
    public int Dissatisfied => Ratings - Satisfied - BasicallySatisfied;

    /// <summary>满意率: (满意 + 基本满意) / ratings received; null without ratings.</summary>
    public string? Rate => Percent(Satisfied + BasicallySatisfied, Ratings);

    /// <summary>First-round satisfaction rate.</summary>
    public string? FirstRoundRate => Percent(FirstRoundSatisfied, FirstRoundRatings);

    /// <summary>Satisfaction with 办理态度.</summary>
    public string? AttitudeRate => Percent(AttitudeSatisfied, Ratings);

    /// <summary>Satisfaction with 办理结果.</summary>
    public string? ResultRate => Percent(ResultSatisfied, Ratings);

    /// <summary>Satisfaction with 沟通联系.</summary>
    public string? CommunicationRate => Percent(CommunicationSatisfied, Ratings);

    /// <summary>面商率 as the representatives report it.</summary>
    public string? ReportedConsultationRate => Percent(Consulted, Ratings);

    /// <summary>A percentage written like the handling figures' rates: “100%”, “85.7%”; null when <paramref name="whole"/> is 0.</summary>
    public static string? Percent(int part, int whole)
    {
        if (whole <= 0)
        {
            return null;
        }

        var value = Math.Round(part * 100m / whole, 1, MidpointRounding.AwayFromZero);
        return value.ToString("0.#", CultureInfo.InvariantCulture) + "%";
    }
}
