namespace Transparency.Proposals.Models;

/// <summary>会议 / 届次, e.g. 市十六届人大三次会议, with its deadline rules.</summary>
public sealed class Session
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public int Year { get; set; }
    public SessionKind Kind { get; set; }

    /// <summary>Months from assignment to the reply deadline (default 3).</summary>
    public int ReplyMonths { get; set; } = 3;

    /// <summary>Months from assignment to a co-unit's opinion deadline (default 1).</summary>
    public int CoOpinionMonths { get; set; } = 1;

    /// <summary>Months for a re-handling round after a dissatisfied rating (default 1).</summary>
    public int RehandlingMonths { get; set; } = 1;
}
