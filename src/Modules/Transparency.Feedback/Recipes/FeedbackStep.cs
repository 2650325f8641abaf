using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Transparency.Core.Audit;
using Transparency.Core.Feedback;
using Transparency.Core.Proposals;
using Transparency.Core.Recipes;
using Transparency.Core.Units;
using Transparency.Data;
using Transparency.Feedback.Models;
using Transparency.Feedback.Services;

namespace Transparency.Feedback.Recipes;

/// <summary>
/// Ratings and commitments, for demo and migration recipes:
/// <code>
/// { "name": "Feedback", "session": "市十六届人大三次会议",
///   "ratings": [ { "proposal": "0066", "representative": "吴志刚", "round": 1, "overall": "Dissatisfied",
///     "communication": "Satisfied", "attitude": "Satisfied", "result": "Dissatisfied", "faceToFace": true,
///     "comment": "…", "commentPublic": true, "channel": "Account|Invitation|Paper", "ratedOn": "2020-09-10",
///     "enteredBy": "coordinator" } ],
///   "commitments": [ { "proposal": "0012", "round": 1, "text": "…", "dueOn": "2020-12-31", "unit": "环卫处",
///     "doneOn": "2020-12-28", "evidence": "…" } ] }
/// </code>
/// The rated round must have a sent reply; a dissatisfied rating followed by a reply of the next round opens that round
/// (its deadline is the next reply's). A proposal whose latest rating is satisfied becomes FeedbackReceived. Every entry is
/// checked (errors name the entry and field) before anything is written; the recipe's transaction holds it all.
/// </summary>
public sealed class FeedbackStep(
    TransparencyDbContext db,
    IProposalDirectory proposals,
    IRepresentativeDirectory representatives,
    IReplyDirectory replies,
    IUnitDirectory units,
    IAuditTrail audit) : IRecipeStep
{
    public string Name => "Feedback";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var sessionName = RecipeJson.RequiredString(context.Data, "session", "", 100);
        var session = (await proposals.SessionsAsync(cancellationToken)).FirstOrDefault(s => s.Name == sessionName)
            ?? throw new RecipeStepException("session", $"'{sessionName}' is not a known session.");
        var byNumber = (await proposals.ListBySessionAsync(session.Id, cancellationToken)).ToDictionary(p => p.Number);
        var unitIds = new Dictionary<string, int>();
        foreach (var u in await units.ListAsync(cancellationToken))
        {
            unitIds.TryAdd(u.ShortName, u.Id);
            unitIds.TryAdd(u.Name, u.Id);
        }

        var ratings = new List<(FeedbackRating Rating, ProposalInfo Proposal, string Representative)>();
        var index = 0;
        foreach (var item in Items(context.Data, "ratings"))
        {
            ratings.Add(await ReadRatingAsync(item, $"ratings[{index++}]", byNumber, cancellationToken));
        }

        var duplicate = ratings.GroupBy(r => (r.Rating.ProposalId, r.Rating.RepresentativeId, r.Rating.Round)).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new RecipeStepException($"ratings[{ratings.IndexOf(duplicate.Last())}]", "rates a round that an earlier entry already rates (one rating per representative per round).");
        }

        var commitments = new List<Commitment>();
        index = 0;
        foreach (var item in Items(context.Data, "commitments"))
        {
            commitments.Add(await ReadCommitmentAsync(item, $"commitments[{index++}]", byNumber, unitIds, cancellationToken));
        }

        foreach (var (rating, proposal, representative) in ratings)
        {
            db.Add(rating);
            audit.Record(new AuditEntry("Feedback", "Rated", $"proposal:{proposal.Id}",
                $"{representative}对第{proposal.Number}号{proposal.KindName}第{rating.Round}轮办理的评价：{FeedbackText.Of(rating.Overall)}；录入：{FeedbackText.Of(rating.Channel)}",
                rating.EnteredBy) { Comment = rating.Comment });
        }

        db.AddRange(commitments);
        await db.SaveChangesAsync(cancellationToken);

        foreach (var group in ratings.GroupBy(r => r.Proposal.Id))
        {
            var proposal = group.First().Proposal;
            var sent = (await replies.ForProposalAsync(proposal.Id, cancellationToken)).Where(r => r.IsSent).ToList();
            foreach (var opening in group.Where(r => r.Rating.Overall == Satisfaction.Dissatisfied).OrderBy(r => r.Rating.Round))
            {
                if (sent.FirstOrDefault(r => r.Round == opening.Rating.Round + 1) is { } next)
                {
                    db.Add(new FeedbackRound
                    {
                        ProposalId = proposal.Id,
                        Number = next.Round,
                        DueOn = next.DueOn ?? FeedbackText.ChinaDate(opening.Rating.SubmittedUtc).AddMonths(proposal.Session.RehandlingMonths),
                        OpenedByRatingId = opening.Rating.Id,
                        OpenedUtc = opening.Rating.SubmittedUtc,
                    });
                }
            }

            var latest = group.MaxBy(r => (r.Rating.Round, r.Rating.SubmittedUtc))!.Rating;
            if (latest.Overall != Satisfaction.Dissatisfied)
            {
                await proposals.MarkFeedbackReceivedAsync(proposal.Id, "代表委员已评价", cancellationToken);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static List<JsonElement> Items(JsonElement data, string field)
        => data.TryGetProperty(field, out var array)
            ? array.ValueKind == JsonValueKind.Array ? [.. array.EnumerateArray()] : throw new RecipeStepException(field, "must be an array.")
            : [];

    private async Task<(FeedbackRating, ProposalInfo, string)> ReadRatingAsync(
        JsonElement item, string path, Dictionary<string, ProposalInfo> byNumber, CancellationToken cancellationToken)
    {
        var proposal = Proposal(item, path, byNumber);
        var name = RecipeJson.RequiredString(item, "representative", path, 50);
        var representative = (await representatives.OfProposalAsync(proposal.Id, cancellationToken)).FirstOrDefault(r => r.Name == name)
            ?? throw new RecipeStepException(RecipeJson.Join(path, "representative"), $"'{name}' is not a representative of proposal {proposal.Number}.");
        var (overall, communication, attitude, result) = (Required(item, "overall", path), Required(item, "communication", path), Required(item, "attitude", path), Required(item, "result", path));
        var round = RecipeValues.WholeNumber(item, "round", path, 1, 1, 9);
        var sent = (await replies.ForProposalAsync(proposal.Id, cancellationToken)).FirstOrDefault(r => r.Round == round && r.IsSent)
            ?? throw new RecipeStepException(RecipeJson.Join(path, "round"), $"proposal {proposal.Number} has no sent reply in round {round}.");
        if (await db.Set<FeedbackRating>().AnyAsync(r => r.ProposalId == proposal.Id && r.RepresentativeId == representative.Id && r.Round == round, cancellationToken))
        {
            throw new RecipeStepException(RecipeJson.Join(path, "round"), $"{name} has already rated round {round} of proposal {proposal.Number}; a rating is never replaced.");
        }

        var ratedOn = RecipeValues.Date(item, "ratedOn", path) ?? throw new RecipeStepException(RecipeJson.Join(path, "ratedOn"), "is required.");
        if (ratedOn < sent.SentOn)
        {
            throw new RecipeStepException(RecipeJson.Join(path, "ratedOn"), $"is before the reply was sent ({sent.SentOn:yyyy-MM-dd}).");
        }

        var channel = RecipeValues.Enum(item, "channel", path, RatingChannel.Paper);
        var comment = RecipeJson.OptionalString(item, "comment", path, FeedbackModel.MaxComment);
        return (new FeedbackRating
        {
            ProposalId = proposal.Id,
            RepresentativeId = representative.Id,
            Round = round,
            Overall = overall,
            Communication = communication,
            Attitude = attitude,
            Result = result,
            FaceToFace = RecipeJson.OptionalBool(item, "faceToFace", path) ?? false,
            Comment = comment,
            CommentPublic = comment is not null && (RecipeJson.OptionalBool(item, "commentPublic", path) ?? false),
            Channel = channel,
            SubmittedUtc = ratedOn.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc),
            EnteredBy = RecipeJson.OptionalString(item, "enteredBy", path, 256) ?? (channel == RatingChannel.Paper ? "coordinator" : "system"),
            PaperDate = channel == RatingChannel.Paper ? ratedOn : null,
        }, proposal, representative.Name);
    }

    private async Task<Commitment> ReadCommitmentAsync(
        JsonElement item, string path, Dictionary<string, ProposalInfo> byNumber, Dictionary<string, int> unitIds, CancellationToken cancellationToken)
    {
        var proposal = Proposal(item, path, byNumber);
        var round = RecipeValues.WholeNumber(item, "round", path, 1, 1, 9);
        var reply = (await replies.ForProposalAsync(proposal.Id, cancellationToken)).FirstOrDefault(r => r.Round == round)
            ?? throw new RecipeStepException(RecipeJson.Join(path, "round"), $"proposal {proposal.Number} has no reply in round {round}.");
        if (reply.Outcome != "B")
        {
            throw new RecipeStepException(RecipeJson.Join(path, "proposal"), $"the reply to proposal {proposal.Number} is not class B; only B-class replies list commitments.");
        }

        var unitName = RecipeJson.OptionalString(item, "unit", path, 100);
        var unitId = reply.UnitId;
        if (unitName is not null && !unitIds.TryGetValue(unitName, out unitId))
        {
            throw new RecipeStepException(RecipeJson.Join(path, "unit"), $"'{unitName}' is not a known unit.");
        }

        var doneOn = RecipeValues.Date(item, "doneOn", path);
        var evidence = RecipeJson.OptionalString(item, "evidence", path, FeedbackModel.MaxEvidence);
        if (doneOn is not null && evidence is null)
        {
            throw new RecipeStepException(RecipeJson.Join(path, "evidence"), "is required when doneOn is given.");
        }

        return new Commitment
        {
            ReplyId = reply.Id,
            ProposalId = proposal.Id,
            Text = RecipeJson.RequiredString(item, "text", path, FeedbackModel.MaxCommitment),
            DueOn = RecipeValues.Date(item, "dueOn", path) ?? throw new RecipeStepException(RecipeJson.Join(path, "dueOn"), "is required."),
            UnitId = unitId,
            CreatedBy = "coordinator",
            CreatedUtc = (reply.SentOn ?? new DateOnly(2020, 1, 1)).ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc),
            DoneOn = doneOn,
            Evidence = doneOn is null ? null : evidence,
            DoneBy = doneOn is null ? null : "coordinator",
        };
    }

    private static ProposalInfo Proposal(JsonElement item, string path, Dictionary<string, ProposalInfo> byNumber)
    {
        var number = RecipeJson.RequiredString(item, "proposal", path, 20);
        return byNumber.TryGetValue(number, out var proposal)
            ? proposal
            : throw new RecipeStepException(RecipeJson.Join(path, "proposal"), $"'{number}' is not a proposal of this session.");
    }

    private static Satisfaction Required(JsonElement item, string field, string path)
    {
        if (RecipeJson.OptionalString(item, field, path, 24) is not { } text)
        {
            throw new RecipeStepException(RecipeJson.Join(path, field), "is required (Satisfied, BasicallySatisfied or Dissatisfied).");
        }

        return text switch
        {
            "满意" => Satisfaction.Satisfied,
            "基本满意" => Satisfaction.BasicallySatisfied,
            "不满意" => Satisfaction.Dissatisfied,
            _ => Enum.TryParse<Satisfaction>(text, ignoreCase: false, out var value) && Enum.IsDefined(value)
                ? value
                : throw new RecipeStepException(RecipeJson.Join(path, field), $"'{text}' is not one of Satisfied, BasicallySatisfied, Dissatisfied (满意, 基本满意, 不满意)."),
        };
    }
}
