namespace Transparency.Units.Models;

/// <summary>An organisation unit (承办单位).</summary>
public sealed class Unit
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string ShortName { get; set; } = "";

    /// <summary>True for the bureau's own units, whose staff sign in; false for other city bodies.</summary>
    public bool IsInternal { get; set; }

    public int? ParentId { get; set; }
    public Unit? Parent { get; set; }
}
