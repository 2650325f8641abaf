namespace Transparency.Proposals.Services;

/// <summary>
/// The proposal (or the record hanging off it) does not exist or is outside the user's scope; shown as 404 so
/// that another unit's staff cannot tell the two apart.
/// </summary>
public sealed class ProposalNotVisibleException : Exception
{
    public ProposalNotVisibleException() : base("The proposal is not visible to the user.")
    {
    }

    public ProposalNotVisibleException(string message) : base(message)
    {
    }

    public ProposalNotVisibleException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
