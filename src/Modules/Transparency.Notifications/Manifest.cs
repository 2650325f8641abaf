using Transparency.Core.Modules;

[assembly: Module(
    "Transparency.Notifications",
    typeof(Transparency.Notifications.Startup),
    Name = "站内通知",
    Description = "In-app notices for staff users: other modules leave one through INotificationSender in the unit of work of the change it announces; each user reads their own at /admin/notifications, with an unread count in the back-office header.",
    Dependencies = ["Transparency.Users"])]
