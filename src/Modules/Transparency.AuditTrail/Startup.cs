using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Transparency.AuditTrail.Models;
using Transparency.Core.Audit;
using Transparency.Core.Modules;
using Transparency.Core.Navigation;
using Transparency.Core.Security;

namespace Transparency.AuditTrail;

public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<IAuditTrail, Services.AuditTrail>();
        services.AddScoped<IAuditTrailReader, Services.AuditTrailReader>();
    }

    public override void ConfigureModel(ModelBuilder modelBuilder)
    {
        var e = modelBuilder.Entity<AuditEvent>();
        e.ToTable("audit_events");
        e.Property(x => x.Actor).HasMaxLength(256);
        e.Property(x => x.Category).HasMaxLength(64);
        e.Property(x => x.Action).HasMaxLength(64);
        e.Property(x => x.SubjectId).HasMaxLength(256);
        e.Property(x => x.Summary).HasMaxLength(2000);
        e.Property(x => x.FromState).HasMaxLength(64);
        e.Property(x => x.ToState).HasMaxLength(64);
        e.Property(x => x.Comment).HasMaxLength(4000);
        e.HasIndex(x => x.OccurredUtc);
        e.HasIndex(x => new { x.Category, x.SubjectId });
    }

    public override IEnumerable<Permission> GetPermissions() => AuditTrailPermissions.All;

    public override void BuildAdminMenu(AdminMenuBuilder menu)
        => menu.Add("系统管理", "审计日志", "/admin/audit", AuditTrailPermissions.View, order: 90);
}
