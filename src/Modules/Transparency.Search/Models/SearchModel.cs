using Microsoft.EntityFrameworkCore;

namespace Transparency.Search.Models;

/// <summary>The module's tables (prefix <c>search_</c>).</summary>
public static class SearchModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        var e = modelBuilder.Entity<IndexingTask>();
        e.ToTable("search_indexing_tasks");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedOnAdd();
        e.Property(x => x.ContentType).HasMaxLength(IndexingTask.ContentTypeMaxLength).IsRequired();
        e.Property(x => x.ContentId).HasMaxLength(IndexingTask.ContentIdMaxLength).IsRequired();
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(10);
        e.HasIndex(x => x.CreatedUtc);
    }
}
