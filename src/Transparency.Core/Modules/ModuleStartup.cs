using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Transparency.Core.Navigation;
using Transparency.Core.Security;

namespace Transparency.Core.Modules;

/// <summary>
/// The one startup contract of a module. The host calls its members in dependency order:
/// services first, then the EF model, permissions, admin menu and endpoints.
/// Recipe steps are services: register them with <c>services.AddRecipeStep&lt;T&gt;()</c>.
/// Controllers and Razor views in the module assembly are added to MVC automatically.
/// </summary>
public abstract class ModuleStartup
{
    /// <summary>Registers the module's services (and its recipe steps).</summary>
    public virtual void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
    }

    /// <summary>Adds the module's entities to the shared model; table names carry the module's prefix.</summary>
    public virtual void ConfigureModel(ModelBuilder modelBuilder)
    {
    }

    /// <summary>The permissions the module declares.</summary>
    public virtual IEnumerable<Permission> GetPermissions() => [];

    /// <summary>Adds the module's entries to the back-office menu; each entry names its permission.</summary>
    public virtual void BuildAdminMenu(AdminMenuBuilder menu)
    {
    }

    /// <summary>Maps minimal-API endpoints; MVC controllers need nothing here.</summary>
    public virtual void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }
}
