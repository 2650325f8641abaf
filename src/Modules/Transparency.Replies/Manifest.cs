using Transparency.Core.Modules;

[assembly: Module(
    "Transparency.Replies",
    typeof(Transparency.Replies.Startup),
    Name = "答复与办理总结",
    Description = "Versioned documents that go through review and approval: replies to proposals (drafting, review, sending, redaction, publication, reply letters) and the annual handling summaries.",
    Dependencies = ["Transparency.AuditTrail", "Transparency.Units", "Transparency.Users", "Transparency.Settings", "Transparency.Contents", "Transparency.Notifications", "Transparency.Proposals"])]
