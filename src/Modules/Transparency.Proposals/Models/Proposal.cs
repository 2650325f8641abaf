namespace Transparency.Proposals.Models;

/// <summary>建议 / 提案: the item to be handled.</summary>
public sealed class Proposal
{
    public int Id { get; set; }
    public int SessionId { get; set; }
    public Session Session { get; set; } = null!;
    public ProposalKind Kind { get; set; }

    /// <summary>建议编号, unique within its session, e.g. 0123.</summary>
    public string Number { get; set; } = "";

    public string Title { get; set; } = "";
    public string Body { get; set; } = "";
    public int? CategoryId { get; set; }
    public Category? Category { get; set; }

    /// <summary>重点建议: tracked by the leadership.</summary>
    public bool IsKey { get; set; }

    public DateOnly ReceivedOn { get; set; }
    public ProposalStatus Status { get; set; }

    /// <summary>并案: the proposal this one was merged into.</summary>
    public int? MergedIntoId { get; set; }

    public DateTime CreatedUtc { get; set; }

    /// <summary>The representatives, lead first (<see cref="ProposalRepresentative.Position"/> 0).</summary>
    public List<ProposalRepresentative> Representatives { get; set; } = [];

    public List<Assignment> Assignments { get; set; } = [];

    /// <summary>The audit-trail subject of a proposal.</summary>
    public static string SubjectId(int id) => $"proposal:{id}";
}
