using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Transparency.Core.Modules;
using Transparency.Core.Navigation;
using Transparency.Core.Recipes;
using Transparency.Core.Security;
using Transparency.Proposals.Models;
using Transparency.Proposals.Recipes;
using Transparency.Proposals.Services;

namespace Transparency.Proposals;

public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<ProposalScope>();
        services.AddScoped<Core.Proposals.IProposalDirectory, ProposalDirectory>();
        services.AddScoped<Core.Proposals.IRepresentativeDirectory, RepresentativeDirectory>();
        services.AddScoped<Core.Workflows.IDeadlineSource, AssignmentDeadlines>();
        services.AddScoped<Core.Workflows.IRepresentativeEmails, RepresentativeEmails>();
        services.AddScoped<ProposalLifecycle>();
        services.AddScoped<ProposalRegistrar>();
        services.AddScoped<AssignmentService>();
        HandlingRegistration.Register(services);
        Services.Import.ImportExportRegistration.Register(services);
        services.AddScoped<Services.Reports.ProgressReport>();
        services.AddScoped<Services.Reports.ProgressWorkbook>();
        services.AddScoped<DossierService>();
        services.AddRecipeStep<SessionsStep>();
        services.AddRecipeStep<CategoriesStep>();
        services.AddRecipeStep<RepresentativesStep>();
        services.AddRecipeStep<ProposalsStep>();
    }

    public override void ConfigureModel(ModelBuilder modelBuilder) => ProposalsModel.Configure(modelBuilder);

    public override IEnumerable<Permission> GetPermissions() => ProposalsPermissions.All;

    public override void BuildAdminMenu(AdminMenuBuilder menu)
    {
        menu.Add("建议提案办理", "建议提案", "/admin/proposals", ProposalsPermissions.View, order: 10);
        menu.Add("建议提案办理", "办理进度", "/admin/proposals/dashboard", ProposalsPermissions.ViewReports, order: 11);
        menu.Add("基础数据", "届次", "/admin/sessions", ProposalsPermissions.ManageReferenceData, order: 40);
        menu.Add("基础数据", "代表委员", "/admin/representatives", ProposalsPermissions.ManageReferenceData, order: 41);
        menu.Add("基础数据", "类别", "/admin/categories", ProposalsPermissions.ManageReferenceData, order: 42);
    }
}
