using Transparency.Core.Modules;

[assembly: Module(
    "Transparency.Recipes",
    typeof(Transparency.Recipes.Startup),
    Name = "配置方案",
    Description = "Runs JSON recipes (named steps contributed by modules) in one transaction and records each run.",
    Dependencies = ["Transparency.AuditTrail"])]
