using Transparency.Core.Modules;

[assembly: Module(
    "Transparency.Admin",
    typeof(Transparency.Admin.Startup),
    Name = "管理后台",
    Description = "The back-office entry: dashboard and the permission to enter the back office.")]
