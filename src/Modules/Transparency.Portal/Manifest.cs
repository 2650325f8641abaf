using Transparency.Core.Modules;

[assembly: Module(
    "Transparency.Portal",
    typeof(Transparency.Portal.Startup),
    Name = "公开门户",
    Description = "The public site: home, reply list and search, reply pages, summaries, statistics, open data, feed, sitemap and the read-only API.",
    Dependencies = ["Transparency.Settings", "Transparency.Proposals", "Transparency.Replies"])]
