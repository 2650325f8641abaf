namespace Transparency.Proposals.Services;

/// <summary>A request that breaks a handling rule; the message is shown to the user, the field (if any) marks the input.</summary>
public sealed class ProposalRuleException : Exception
{
    public ProposalRuleException(string message, string field = "") : base(message) => Field = field;

    public ProposalRuleException() => Field = "";

    public ProposalRuleException(string message, Exception innerException) : base(message, innerException) => Field = "";

    public string Field { get; }
}
