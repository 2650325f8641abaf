using Transparency.Core.Modules;

[assembly: Module(
    "Transparency.Workflows",
    typeof(Transparency.Workflows.Startup),
    Name = "工作流程与提醒",
    Description = "Event-driven workflows (a trigger event and activities joined by outcomes), the durable event outbox, e-mail through SMTP, deadline reminders fired once per cluster, and the record of every run.",
    Dependencies = ["Transparency.AuditTrail", "Transparency.Users", "Transparency.Calendar", "Transparency.Notifications"])]
