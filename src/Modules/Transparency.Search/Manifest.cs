using Transparency.Core.Modules;

[assembly: Module(
    "Transparency.Search",
    typeof(Transparency.Search.Startup),
    Name = "全文检索",
    Description = "Lucene.Net index of published content with Chinese word segmentation, synonyms, filters, facet counts and highlighted snippets; every node tails the content-change log (search_indexing_tasks) with its own cursor.",
    Dependencies = ["Transparency.AuditTrail", "Transparency.Settings"])]
