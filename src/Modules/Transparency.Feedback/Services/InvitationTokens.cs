using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Transparency.Feedback.Models;

namespace Transparency.Feedback.Services;

/// <summary>What a valid token names.</summary>
public sealed record InvitationClaims(int InvitationId, int RepresentativeId, int ProposalId, int Round);

/// <summary>
/// Signs and reads invitation tokens with ASP.NET Core data protection (authenticated encryption; keys shared by every
/// node through the database). A token names the invitation row and the representative, proposal and round it is bound
/// to; the row decides expiry and revocation, so a token alone never grants more than its row allows.
/// </summary>
public sealed class InvitationTokens(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("Transparency.Feedback.Invitation.v1");

    public string Create(FeedbackInvitation invitation)
        => _protector.Protect(string.Join('.', invitation.Id, invitation.RepresentativeId, invitation.ProposalId, invitation.Round));

    /// <summary>The claims of an untampered token; null for anything else (altered, truncated, from another site).</summary>
    public InvitationClaims? Read(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 1000)
        {
            return null;
        }

        string payload;
        try
        {
            payload = _protector.Unprotect(token);
        }
        catch (CryptographicException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }

        var parts = payload.Split('.');
        var numbers = new int[4];
        if (parts.Length != 4 || parts.Where((p, i) => !int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i])).Any())
        {
            return null;
        }

        return new InvitationClaims(numbers[0], numbers[1], numbers[2], numbers[3]);
    }
}
