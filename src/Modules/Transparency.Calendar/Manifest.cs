using Transparency.Core.Modules;

[assembly: Module(
    "Transparency.Calendar",
    typeof(Transparency.Calendar.Startup),
    Name = "工作日历",
    Description = "The PRC working-day calendar: public holidays and adjusted working days (调休), and deadlines counted in working days or months.",
    Dependencies = ["Transparency.AuditTrail"])]
