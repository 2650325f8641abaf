using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Transparency.Core.Modules;
using Transparency.Core.Notifications;
using Transparency.Core.Security;
using Transparency.Notifications.Models;
using Transparency.Notifications.Services;

namespace Transparency.Notifications;

public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<INotificationSender, NotificationSender>();
        services.AddScoped<NotificationInbox>();
        services.AddScoped<INotificationInbox>(sp => sp.GetRequiredService<NotificationInbox>());
    }

    public override void ConfigureModel(ModelBuilder modelBuilder)
    {
        var e = modelBuilder.Entity<Notice>();
        e.ToTable("notifications_notices");
        e.HasKey(x => x.Id);
        e.Property(x => x.UserName).HasMaxLength(Notice.UserNameMaxLength).IsRequired();
        e.Property(x => x.Message).HasMaxLength(Notice.MessageMaxLength).IsRequired();
        e.Property(x => x.Url).HasMaxLength(Notice.UrlMaxLength);
        e.HasIndex(x => new { x.UserName, x.ReadUtc });
    }

    public override IEnumerable<Permission> GetPermissions() => NotificationsPermissions.All;
}
