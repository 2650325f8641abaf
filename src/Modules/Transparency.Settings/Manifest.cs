using Transparency.Core.Modules;

[assembly: Module(
    "Transparency.Settings",
    typeof(Transparency.Settings.Startup),
    Name = "站点设置",
    Description = "Site name, default culture and other site-wide settings.",
    Dependencies = ["Transparency.AuditTrail"])]
