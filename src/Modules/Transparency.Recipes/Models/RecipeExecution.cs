namespace Transparency.Recipes.Models;

/// <summary>A recipe that was applied.</summary>
public sealed class RecipeExecution
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string Description { get; set; } = "";
    public string FileName { get; set; } = "";
    public string Sha256 { get; set; } = "";
    public int StepCount { get; set; }
    public DateTime ExecutedUtc { get; set; }
    public string ExecutedBy { get; set; } = "";
}
