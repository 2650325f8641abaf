using Transparency.Core.Modules;

[assembly: Module(
    "Transparency.Units",
    typeof(Transparency.Units.Startup),
    Name = "承办单位",
    Description = "Organisation units that handle proposals: the bureau's own units and other city bodies.",
    Dependencies = ["Transparency.AuditTrail"])]
