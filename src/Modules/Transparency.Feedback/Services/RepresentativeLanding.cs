using Transparency.Core.Hosting;
using Transparency.Core.Proposals;

namespace Transparency.Feedback.Services;

/// <summary>A representative's account lands on 我的建议提案 after signing in (it has no back-office permission).</summary>
public sealed class RepresentativeLanding(IRepresentativeDirectory representatives) : ISignInLanding
{
    public async Task<string?> LandingAsync(string userName, CancellationToken cancellationToken = default)
        => await representatives.FindByUserNameAsync(userName, cancellationToken) is null ? null : "/my/proposals";
}
