using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Transparency.Core.Modules;
using Transparency.Core.Navigation;
using Transparency.Core.Recipes;
using Transparency.Core.Security;
using Transparency.Core.Units;
using Transparency.Units.Models;
using Transparency.Units.Recipes;
using Transparency.Units.Services;

namespace Transparency.Units;

public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<IUnitDirectory, UnitDirectory>();
        services.AddRecipeStep<UnitsStep>();
    }

    public override void ConfigureModel(ModelBuilder modelBuilder)
    {
        var e = modelBuilder.Entity<Unit>();
        e.ToTable("units_units");
        e.Property(x => x.Name).HasMaxLength(200);
        e.Property(x => x.ShortName).HasMaxLength(100);
        e.HasIndex(x => x.Name).IsUnique();
        e.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
    }

    public override IEnumerable<Permission> GetPermissions() => UnitsPermissions.All;

    public override void BuildAdminMenu(AdminMenuBuilder menu)
        => menu.Add("组织机构", "承办单位", "/admin/units", UnitsPermissions.Manage, order: 30);
}
