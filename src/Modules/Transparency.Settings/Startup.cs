using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Transparency.Core.Modules;
using Transparency.Core.Navigation;
using Transparency.Core.Recipes;
using Transparency.Core.Security;
using Transparency.Core.Settings;
using Transparency.Settings.Models;
using Transparency.Settings.Recipes;
using Transparency.Settings.Services;

namespace Transparency.Settings;

public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<SiteSettingsCache>();
        services.AddScoped<ISiteSettingsStore, SiteSettingsStore>();
        services.AddScoped<ISettingsDocumentStore, SettingsDocumentStore>();
        services.AddRecipeStep<SettingsStep>();
    }

    public override void ConfigureModel(ModelBuilder modelBuilder)
    {
        var e = modelBuilder.Entity<SettingsDocument>();
        e.ToTable("settings_documents");
        e.HasKey(x => x.Name);
        e.Property(x => x.Name).HasMaxLength(64);
    }

    public override IEnumerable<Permission> GetPermissions() => SettingsPermissions.All;

    public override void BuildAdminMenu(AdminMenuBuilder menu)
        => menu.Add("系统管理", "站点设置", "/admin/settings", SettingsPermissions.Manage, order: 80);
}
