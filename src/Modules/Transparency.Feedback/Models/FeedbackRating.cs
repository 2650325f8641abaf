namespace Transparency.Feedback.Models;

/// <summary>
/// 征询意见表: one representative's rating of one round of a proposal's handling. Never edited once saved (a
/// coordinator's correction is a separate <see cref="FeedbackCorrection"/>); one per representative per round.
/// </summary>
public sealed class FeedbackRating
{
    public int Id { get; set; }
    public int ProposalId { get; set; }
    public int RepresentativeId { get; set; }
    public int Round { get; set; }
    public Satisfaction Overall { get; set; }

    /// <summary>沟通联系.</summary>
    public Satisfaction Communication { get; set; }

    /// <summary>办理态度.</summary>
    public Satisfaction Attitude { get; set; }

    /// <summary>办理结果.</summary>
    public Satisfaction Result { get; set; }

    /// <summary>Whether a face-to-face consultation (面商) took place, as the representative reports it.</summary>
    public bool FaceToFace { get; set; }

    public string? Comment { get; set; }

    /// <summary>The representative allows the comment to be shown on the public reply page.</summary>
    public bool CommentPublic { get; set; }

    public RatingChannel Channel { get; set; }
    public int? InvitationId { get; set; }
    public DateTime SubmittedUtc { get; set; }

    /// <summary>Who entered it: the representative's account, <c>invitation:{id}</c>, or the staff user for a paper form.</summary>
    public string EnteredBy { get; set; } = "";

    /// <summary>The date written on a paper form.</summary>
    public DateOnly? PaperDate { get; set; }

    public string? ScanFileName { get; set; }
    public string? ScanStoredName { get; set; }
    public string? ScanContentType { get; set; }

    /// <summary>The audit-trail subject of a rating.</summary>
    public static string SubjectId(int id) => $"feedback:{id}";
}
