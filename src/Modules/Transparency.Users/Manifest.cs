using Transparency.Core.Modules;

[assembly: Module(
    "Transparency.Users",
    typeof(Transparency.Users.Startup),
    Name = "用户与角色",
    Description = "Sign-in, user accounts, roles as named sets of permissions, and users' units.",
    Dependencies = ["Transparency.AuditTrail", "Transparency.Units"])]
