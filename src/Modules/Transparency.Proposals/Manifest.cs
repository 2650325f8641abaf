using Transparency.Core.Modules;

[assembly: Module(
    "Transparency.Proposals",
    typeof(Transparency.Proposals.Startup),
    Name = "建议提案办理",
    Description = "Sessions, representatives, categories, proposals, assignment to units with deadlines, consultations, co-handling opinions, import/export, dashboard and dossier.",
    Dependencies = ["Transparency.AuditTrail", "Transparency.Units", "Transparency.Users", "Transparency.Calendar", "Transparency.Contents"])]
