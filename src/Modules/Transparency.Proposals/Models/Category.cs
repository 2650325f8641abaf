namespace Transparency.Proposals.Models;

/// <summary>A subject category (垃圾分类, 占道经营, 市政设施养护 …).</summary>
public sealed class Category
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public int SortOrder { get; set; }
}
