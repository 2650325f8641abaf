namespace Transparency.Workflows.Models;

/// <summary>A named lease (<c>workflows_leases</c>): the node that holds it until it expires does the named periodic work (the reminder scan).</summary>
public sealed class Lease
{
    public const int NameMaxLength = 100;

    public string Name { get; set; } = "";
    public string Holder { get; set; } = "";
    public DateTime ExpiresUtc { get; set; }

    /// <summary>When the holder last finished the work, so a node taking over knows whether it is due.</summary>
    public DateTime? LastRunUtc { get; set; }
}
