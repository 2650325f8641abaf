using Transparency.Core.Modules;

[assembly: Module(
    "Transparency.AuditTrail",
    typeof(Transparency.AuditTrail.Startup),
    Name = "审计日志",
    Description = "Append-only record of every state change: who, when, what.")]
