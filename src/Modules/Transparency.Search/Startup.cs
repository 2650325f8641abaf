using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Transparency.Core.Modules;
using Transparency.Core.Navigation;
using Transparency.Core.Recipes;
using Transparency.Core.Search;
using Transparency.Core.Security;
using Transparency.Search.Models;
using Transparency.Search.Services;

namespace Transparency.Search;

public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => SearchOptions.From(configuration, sp.GetRequiredService<IHostEnvironment>(), Environment.GetCommandLineArgs()));
        services.AddSingleton<SearchIndex>();
        services.AddSingleton<IndexingSignal>();
        services.AddSingleton<IndexMaintenance>();
        services.AddSingleton<IndexStatus>();
        services.AddSingleton<SynonymCache>();
        services.AddSingleton<ParsedQueryCache>();
        services.AddSingleton<FilterCache>();
        services.AddHostedService<IndexingWorker>();
        services.AddScoped<IContentChangeLog, ContentChangeLog>();
        services.AddScoped<ISearchService, SearchService>();
        services.AddRecipeStep<Recipes.SearchSynonymsStep>();
        services.AddScoped<Core.Hosting.IStartupTask, SqliteWriteAheadLog>();
    }

    public override void ConfigureModel(ModelBuilder modelBuilder) => SearchModel.Configure(modelBuilder);

    public override IEnumerable<Permission> GetPermissions() => SearchPermissions.All;

    public override void BuildAdminMenu(AdminMenuBuilder menu)
        => menu.Add("系统管理", "全文检索", "/admin/search", SearchPermissions.Manage, order: 84);
}
