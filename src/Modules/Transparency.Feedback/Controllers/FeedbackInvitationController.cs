using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Transparency.Core.Proposals;
using Transparency.Feedback.Models;
using Transparency.Feedback.Services;
using Transparency.Feedback.ViewModels;

namespace Transparency.Feedback.Controllers;

/// <summary>
/// 征询意见链接: the representative opens the link sent with the reply, reads the replies and fills in the form, without an
/// account. The token is checked on every request (tampered, expired, revoked → refused); once the round is rated the
/// link shows the rating that stands and never changes it.
/// </summary>
[AllowAnonymous]
[FeedbackErrors]
[EnableRateLimiting(FeedbackRateLimits.Policy)]
public sealed class FeedbackInvitationController(
    InvitationService invitations,
    RepresentativePortal portal,
    RatingService ratings,
    IRepresentativeDirectory representatives) : Controller
{
    [HttpGet("feedback/invitation/{token}")]
    public async Task<IActionResult> Show(string token, bool submitted = false)
    {
        Private();
        var access = await invitations.OpenAsync(token);
        if (access is not { Check: InvitationCheck.Valid, Invitation: { } invitation })
        {
            return Refused(access.Check);
        }

        return View("~/Views/MyProposals/Proposal.cshtml", await ModelAsync(invitation, token, new RatingForm(), null, submitted ? "您的评价已提交，感谢您对办理工作的监督和支持。" : null));
    }

    [HttpPost("feedback/invitation/{token}")]
    public async Task<IActionResult> Submit(string token, RatingForm form)
    {
        Private();
        var access = await invitations.OpenAsync(token);
        if (access is not { Check: InvitationCheck.Valid, Invitation: { } invitation })
        {
            return Refused(access.Check);
        }

        try
        {
            await ratings.SubmitAsync(
                new RatingSubmission(invitation.ProposalId, invitation.RepresentativeId, invitation.Round, RatingChannel.Invitation,
                    $"invitation:{invitation.Id}", invitation.Id),
                form.Check());
        }
        catch (FeedbackAlreadyGivenException)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View("~/Views/MyProposals/Proposal.cshtml", await ModelAsync(invitation, token, new RatingForm(), null, "您已提交过本轮评价，评价提交后不能修改。以下是您提交的评价。"));
        }
        catch (FeedbackRuleException rule)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("~/Views/MyProposals/Proposal.cshtml", await ModelAsync(invitation, token, form, rule.Message, null));
        }

        return Redirect($"/feedback/invitation/{token}?submitted=true");
    }

    private async Task<RepresentativePageModel> ModelAsync(FeedbackInvitation invitation, string token, RatingForm form, string? error, string? notice)
    {
        var representative = await representatives.FindAsync(invitation.RepresentativeId) ?? throw new FeedbackNotFoundException();
        var page = await portal.PageAsync(representative, invitation.ProposalId);
        var rated = page.MyRatings.Any(r => r.Round == invitation.Round);
        return new RepresentativePageModel
        {
            Page = page,
            FormAction = $"/feedback/invitation/{token}",
            RoundToRate = rated ? null : invitation.Round,
            Form = form,
            Error = error,
            Notice = notice,
            ByInvitation = true,
        };
    }

    private ViewResult Refused(InvitationCheck check) => check switch
    {
        InvitationCheck.Expired => FeedbackErrorsAttribute.Message(HttpContext, StatusCodes.Status410Gone, "链接已过期",
            "该征询意见链接已超过有效期。如需评价，请与承办单位或市政府督查室联系重新获取链接，或登录本平台后评价。"),
        InvitationCheck.Revoked => FeedbackErrorsAttribute.Message(HttpContext, StatusCodes.Status410Gone, "链接已撤销",
            "该征询意见链接已被撤销。如需评价，请与承办单位或督办部门联系。"),
        _ => FeedbackErrorsAttribute.Message(HttpContext, StatusCodes.Status404NotFound, "链接无效",
            "该征询意见链接无效，请检查链接是否完整。"),
    };

    /// <summary>The link is a credential: not cached anywhere, not leaked in a Referer.</summary>
    private void Private()
    {
        Response.Headers.CacheControl = "no-store";
        Response.Headers["Referrer-Policy"] = "no-referrer";
    }
}
