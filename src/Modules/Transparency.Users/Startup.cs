using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Transparency.Core.Hosting;
using Transparency.Core.Modules;
using Transparency.Core.Navigation;
using Transparency.Core.Recipes;
using Transparency.Core.Security;
using Transparency.Data;
using Transparency.Data.Identity;
using Transparency.Users.Models;
using Transparency.Users.Recipes;
using Transparency.Users.Services;

namespace Transparency.Users;

public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services
            .AddIdentity<TransparencyUser, TransparencyRole>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = configuration.GetValue("Security:MaxFailedAccessAttempts", 5);
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(configuration.GetValue("Security:LockoutMinutes", 15));
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
            })
            .AddEntityFrameworkStores<TransparencyDbContext>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<ChineseIdentityErrorDescriber>();
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "transparency.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Lax;
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/denied";
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);

            // API clients get a status code (written as ProblemDetails), not a redirect to an HTML page.
            o.Events.OnRedirectToLogin = context => ApiAwareRedirect(context, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => ApiAwareRedirect(context, StatusCodes.Status403Forbidden);
        });

        services.AddScoped<IPermissionGrantStore, PermissionGrantStore>();
        services.AddScoped<Transparency.Core.Units.IUserUnits, UserUnits>();
        services.AddScoped<Transparency.Core.Units.IUserDirectory, UserDirectory>();
        services.AddScoped<RoleAdminService>();
        services.AddScoped<UserAdminService>();
        services.AddScoped<IStartupTask, AdministratorSeeder>();
        services.AddRecipeStep<RolesStep>();
        services.AddRecipeStep<UsersStep>();
    }

    private static Task ApiAwareRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }

    public override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<TransparencyUser>(e =>
        {
            e.ToTable("users_users");
            e.Property(x => x.DisplayName).HasMaxLength(100);
        });
        modelBuilder.Entity<TransparencyRole>(e =>
        {
            e.ToTable("users_roles");
            e.Property(x => x.Description).HasMaxLength(500);
        });
        modelBuilder.Entity<IdentityUserRole<string>>().ToTable("users_user_roles");
        modelBuilder.Entity<IdentityUserClaim<string>>().ToTable("users_user_claims");
        modelBuilder.Entity<IdentityUserLogin<string>>().ToTable("users_user_logins");
        modelBuilder.Entity<IdentityUserToken<string>>().ToTable("users_user_tokens");
        modelBuilder.Entity<IdentityRoleClaim<string>>().ToTable("users_role_claims");
        modelBuilder.Entity<RolePermission>(e =>
        {
            e.ToTable("users_role_permissions");
            e.HasKey(x => new { x.RoleId, x.Permission });
            e.Property(x => x.Permission).HasMaxLength(128);
            e.HasOne<TransparencyRole>().WithMany().HasForeignKey(x => x.RoleId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<UserUnit>(e =>
        {
            e.ToTable("users_user_units");
            e.HasKey(x => new { x.UserId, x.UnitId });
            e.HasOne<TransparencyUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => x.UnitId);
        });
    }

    public override IEnumerable<Permission> GetPermissions() => UsersPermissions.All;

    public override void BuildAdminMenu(AdminMenuBuilder menu)
    {
        menu.Add("系统管理", "用户", "/admin/users", UsersPermissions.ManageUsers, order: 60);
        menu.Add("系统管理", "角色与权限", "/admin/roles", UsersPermissions.ManageRoles, order: 70);
    }
}
