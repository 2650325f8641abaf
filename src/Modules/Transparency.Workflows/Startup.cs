using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Transparency.Core.Modules;
using Transparency.Core.Navigation;
using Transparency.Core.Recipes;
using Transparency.Core.Security;
using Transparency.Core.Workflows;
using Transparency.Workflows.Models;
using Transparency.Workflows.Recipes;
using Transparency.Workflows.Services;

namespace Transparency.Workflows;

public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.Configure<WorkflowOptions>(configuration.GetSection("Workflows"));
        services.AddHttpClient(ActivityExecutor.HttpClientName);
        services.AddSingleton<WorkflowSignal>();
        services.AddScoped<IWorkflowEvents, WorkflowEvents>();
        services.AddScoped<Recipients>();
        services.AddScoped<ActivityExecutor>();
        services.AddScoped<WorkflowEngine>();
        services.AddScoped<LeaseStore>();
        services.AddScoped<WorkflowTypeStore>();
        services.AddSingleton<OutboxProcessor>();
        services.AddSingleton<MailQueue>();
        services.AddSingleton<ReminderScanner>();
        services.AddHostedService<WorkflowWorker>();
        services.AddRecipeStep<WorkflowsStep>();
    }

    public override void ConfigureModel(ModelBuilder modelBuilder) => WorkflowsModel.Configure(modelBuilder);

    public override IEnumerable<Permission> GetPermissions() => WorkflowsPermissions.All;

    public override void BuildAdminMenu(AdminMenuBuilder menu)
    {
        menu.Add("系统管理", "工作流程", "/admin/workflows", WorkflowsPermissions.Manage, order: 60);
        menu.Add("系统管理", "流程运行记录", "/admin/workflows/runs", WorkflowsPermissions.Manage, order: 61);
        menu.Add("系统管理", "邮件发送队列", "/admin/workflows/outbox", WorkflowsPermissions.Manage, order: 62);
    }
}
