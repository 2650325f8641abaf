namespace Transparency.Feedback.Models;

/// <summary>A coordinator's correction of a rating (e.g. a paper form entered wrongly): a new record, the rating stays as given.</summary>
public sealed class FeedbackCorrection
{
    public int Id { get; set; }
    public int RatingId { get; set; }
    public Satisfaction Overall { get; set; }
    public Satisfaction Communication { get; set; }
    public Satisfaction Attitude { get; set; }
    public Satisfaction Result { get; set; }
    public string Reason { get; set; } = "";
    public string CorrectedBy { get; set; } = "";
    public DateTime CorrectedUtc { get; set; }
}
