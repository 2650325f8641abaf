using Transparency.Core.Modules;

[assembly: Module(
    "Transparency.Portal",
    typeof(Transparency.Portal.Startup),
    Name = "公开门户",
    Description = "The public site's home page and the language switch.",
    Dependencies = ["Transparency.Settings"])]
