using Transparency.Feedback.Models;

namespace Transparency.Feedback.Services;

/// <summary>征询意见表 as posted: every choice is required; the comment is optional.</summary>
public sealed class RatingForm
{
    public Satisfaction? Overall { get; set; }
    public Satisfaction? Communication { get; set; }
    public Satisfaction? Attitude { get; set; }
    public Satisfaction? Result { get; set; }
    public bool? FaceToFace { get; set; }
    public string? Comment { get; set; }
    public bool CommentPublic { get; set; }

    /// <summary>The checked values, or <see cref="FeedbackRuleException"/> naming the first missing or invalid field.</summary>
    public CheckedRating Check()
    {
        static Satisfaction Required(Satisfaction? value, string label, string field)
            => value is { } v && Enum.IsDefined(v) ? v : throw new FeedbackRuleException($"请选择{label}（满意、基本满意或不满意）。", field);

        var overall = Required(Overall, "总体评价", nameof(Overall));
        var communication = Required(Communication, "对沟通联系的评价", nameof(Communication));
        var attitude = Required(Attitude, "对办理态度的评价", nameof(Attitude));
        var result = Required(Result, "对办理结果的评价", nameof(Result));
        if (FaceToFace is not { } faceToFace)
        {
            throw new FeedbackRuleException("请选择承办单位是否与您当面沟通（面商）。", nameof(FaceToFace));
        }

        var comment = Comment?.Trim();
        if (comment is { Length: > FeedbackModel.MaxComment })
        {
            throw new FeedbackRuleException($"意见和建议不能超过{FeedbackModel.MaxComment}个字。", nameof(Comment));
        }

        if (comment is not null && comment.Any(c => char.IsControl(c) && c is not ('\r' or '\n' or '\t')))
        {
            throw new FeedbackRuleException("意见和建议含有不可显示的控制字符。", nameof(Comment));
        }

        return new CheckedRating(overall, communication, attitude, result, faceToFace, string.IsNullOrEmpty(comment) ? null : comment,
            CommentPublic && !string.IsNullOrEmpty(comment));
    }
}

/// <summary>A rating that passed the checks.</summary>
public sealed record CheckedRating(
    Satisfaction Overall,
    Satisfaction Communication,
    Satisfaction Attitude,
    Satisfaction Result,
    bool FaceToFace,
    string? Comment,
    bool CommentPublic);

/// <summary>Who submits a rating, and how.</summary>
/// <param name="ProposalId">The proposal rated.</param>
/// <param name="RepresentativeId">The representative whose rating it is.</param>
/// <param name="Round">The round rated.</param>
/// <param name="Channel">Account, invitation link or paper form.</param>
/// <param name="EnteredBy">The account, <c>invitation:{id}</c>, or the staff user entering a paper form.</param>
/// <param name="InvitationId">The invitation used, if any.</param>
/// <param name="PaperDate">The date on a paper form.</param>
/// <param name="Scan">A paper form's stored scan: file name, stored name, content type.</param>
public sealed record RatingSubmission(
    int ProposalId,
    int RepresentativeId,
    int Round,
    RatingChannel Channel,
    string EnteredBy,
    int? InvitationId = null,
    DateOnly? PaperDate = null,
    (string FileName, string StoredName, string ContentType)? Scan = null);
