namespace Transparency.Feedback.Models;

/// <summary>满意 / 基本满意 / 不满意.</summary>
public enum Satisfaction
{
    Satisfied,
    BasicallySatisfied,
    Dissatisfied,
}

/// <summary>How a rating reached the system.</summary>
public enum RatingChannel
{
    /// <summary>The representative, signed in with their account.</summary>
    Account,

    /// <summary>The representative, through the invitation link sent with the reply.</summary>
    Invitation,

    /// <summary>A paper form, entered by staff with its scan.</summary>
    Paper,
}
