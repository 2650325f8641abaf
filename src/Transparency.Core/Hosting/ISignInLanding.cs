namespace Transparency.Core.Hosting;

/// <summary>
/// Where a user lands after signing in without a return address, when it is not the back office: e.g. a representative,
/// who has no back-office permission, lands on their own pages. The users module asks every registered landing and takes
/// the first answer; without one, the back office (<c>/admin</c>).
/// </summary>
public interface ISignInLanding
{
    /// <summary>A local path for this user, or null when this landing has no opinion.</summary>
    /// <param name="userName">The user who just signed in.</param>
    /// <param name="cancellationToken">Cancels the look-up.</param>
    Task<string?> LandingAsync(string userName, CancellationToken cancellationToken = default);
}
