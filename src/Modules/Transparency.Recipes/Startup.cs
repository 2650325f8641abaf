using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Transparency.Core.Modules;
using Transparency.Core.Navigation;
using Transparency.Core.Recipes;
using Transparency.Core.Security;
using Transparency.Recipes.Models;
using Transparency.Recipes.Services;

namespace Transparency.Recipes;

public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
        => services.AddScoped<IRecipeExecutor, RecipeExecutor>();

    public override void ConfigureModel(ModelBuilder modelBuilder)
    {
        var e = modelBuilder.Entity<RecipeExecution>();
        e.ToTable("recipes_executions");
        e.Property(x => x.Name).HasMaxLength(128);
        e.Property(x => x.FileName).HasMaxLength(256);
        e.Property(x => x.Sha256).HasMaxLength(64);
        e.Property(x => x.ExecutedBy).HasMaxLength(256);
        e.Property(x => x.Description).HasMaxLength(1000);
        e.HasIndex(x => x.Name);
    }

    public override IEnumerable<Permission> GetPermissions() => RecipesPermissions.All;

    public override void BuildAdminMenu(AdminMenuBuilder menu)
        => menu.Add("系统管理", "配置方案", "/admin/recipes", RecipesPermissions.View, order: 85);
}
