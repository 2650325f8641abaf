using Transparency.Core.Modules;

[assembly: Module(
    "Transparency.Feedback",
    typeof(Transparency.Feedback.Startup),
    Name = "满意度测评与承诺事项",
    Description = "Representatives' feedback: invitation links sent with a reply, the representatives' own pages, the satisfaction form (征询意见表) once per round, paper forms recorded by staff, corrections, re-handling rounds (重新办理) opened by a dissatisfied rating, commitments (承诺事项) of B-class replies, and the satisfaction figures.",
    Dependencies = ["Transparency.AuditTrail", "Transparency.Units", "Transparency.Users", "Transparency.Calendar", "Transparency.Notifications", "Transparency.Proposals", "Transparency.Replies"])]
