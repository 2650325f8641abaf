namespace Transparency.Feedback.Models;

/// <summary>
/// A personal invitation link (征询意见链接) created when a reply is sent: bound to one representative, one proposal and
/// one round. The link carries a signed token naming this row; the row decides whether it still works (expiry,
/// revocation), so a revoked link stops at once on every node.
/// </summary>
public sealed class FeedbackInvitation
{
    public int Id { get; set; }
    public int ProposalId { get; set; }
    public int RepresentativeId { get; set; }
    public int Round { get; set; }

    /// <summary>The sent reply that prompted the invitation.</summary>
    public int ReplyId { get; set; }

    public DateTime CreatedUtc { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime ExpiresUtc { get; set; }
    public DateTime? RevokedUtc { get; set; }
    public string? RevokedBy { get; set; }

    /// <summary>When a rating was submitted through it.</summary>
    public DateTime? UsedUtc { get; set; }
}
