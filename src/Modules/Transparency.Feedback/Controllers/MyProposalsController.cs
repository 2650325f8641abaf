using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Transparency.Feedback.Models;
using Transparency.Feedback.Services;
using Transparency.Feedback.ViewModels;

namespace Transparency.Feedback.Controllers;

/// <summary>
/// 我的建议提案: a signed-in representative's own proposals across sessions, with status, deadlines, sent replies
/// (published or not), consultations and the feedback form. Every route starts from the account's representative;
/// another representative's proposal is not found.
/// </summary>
[FeedbackErrors]
public sealed class MyProposalsController(RepresentativePortal portal, RatingService ratings) : Controller
{
    [HttpGet("my/proposals")]
    public async Task<IActionResult> Index()
    {
        var representative = await portal.RepresentativeAsync(User);
        return View(new MyProposalsModel(representative, await portal.ProposalsAsync(representative)));
    }

    [HttpGet("my/proposals/{id:int}")]
    public async Task<IActionResult> Proposal(int id, bool submitted = false)
        => View(await ModelAsync(id, new RatingForm(), null, submitted ? "您的评价已提交，感谢您对办理工作的监督和支持。" : null));

    [HttpPost("my/proposals/{id:int}/feedback")]
    [EnableRateLimiting(FeedbackRateLimits.Policy)]
    public async Task<IActionResult> Feedback(int id, int round, RatingForm form)
    {
        var representative = await portal.RepresentativeAsync(User);
        var page = await portal.PageAsync(representative, id);
        try
        {
            await ratings.SubmitAsync(
                new RatingSubmission(page.Proposal.Id, representative.Id, round, RatingChannel.Account, User.Identity!.Name!),
                form.Check());
        }
        catch (FeedbackAlreadyGivenException)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View("Proposal", await ModelAsync(id, new RatingForm(), null, "您已提交过本轮评价，评价提交后不能修改。以下是您提交的评价。"));
        }
        catch (FeedbackRuleException rule)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Proposal", await ModelAsync(id, form, rule.Message, null));
        }

        return Redirect($"/my/proposals/{id}?submitted=true");
    }

    private async Task<RepresentativePageModel> ModelAsync(int id, RatingForm form, string? error, string? notice)
    {
        var representative = await portal.RepresentativeAsync(User);
        var page = await portal.PageAsync(representative, id);
        return new RepresentativePageModel
        {
            Page = page,
            FormAction = $"/my/proposals/{id}/feedback",
            RoundToRate = page.Row.OpenRound,
            Form = form,
            Error = error,
            Notice = notice,
        };
    }
}
