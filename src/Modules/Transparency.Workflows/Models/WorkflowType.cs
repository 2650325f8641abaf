namespace Transparency.Workflows.Models;

/// <summary>A workflow type (流程): a trigger event and activities joined by their outcomes, stored as validated JSON.</summary>
public sealed class WorkflowType
{
    public const int NameMaxLength = 100;

    public int Id { get; set; }

    /// <summary>Unique name; the recipe step matches types by it.</summary>
    public string Name { get; set; } = "";

    /// <summary>The trigger, one of <c>WorkflowEventNames</c>.</summary>
    public string Event { get; set; } = "";

    public bool Enabled { get; set; } = true;

    /// <summary>The whole definition (name, event, enabled, start, activities) as the editor and the recipe step show it.</summary>
    public string DefinitionJson { get; set; } = "";

    public DateTime UpdatedUtc { get; set; }
    public string UpdatedBy { get; set; } = "";
}
