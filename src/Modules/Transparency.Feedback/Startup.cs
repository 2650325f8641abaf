using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Transparency.Core.Feedback;
using Transparency.Core.Files;
using Transparency.Core.Modules;
using Transparency.Core.Navigation;
using Transparency.Core.Recipes;
using Transparency.Core.Security;
using Transparency.Feedback.Models;
using Transparency.Feedback.Recipes;
using Transparency.Feedback.Services;

namespace Transparency.Feedback;

public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<AttachmentStore>();
        services.Configure<FeedbackOptions>(configuration.GetSection("Feedback"));
        services.AddRateLimiter(FeedbackRateLimits.Add);
        services.AddSingleton<InvitationTokens>();
        services.AddScoped<FeedbackAccess>();
        services.AddScoped<InvitationService>();
        services.AddScoped<IReplySentObserver>(sp => sp.GetRequiredService<InvitationService>());
        services.AddScoped<IHandlingRounds, HandlingRounds>();
        services.AddScoped<RatingService>();
        services.AddScoped<CommitmentService>();
        services.AddScoped<RepresentativePortal>();
        services.AddScoped<IPublicFeedback, PublicFeedback>();
        services.AddScoped<ISatisfactionFigures, SatisfactionFiguresSource>();
        services.AddScoped<Core.Proposals.IDossierContributor, FeedbackDossier>();
        services.AddScoped<Core.Hosting.ISignInLanding, RepresentativeLanding>();
        services.AddScoped<Core.Workflows.IDeadlineSource, CommitmentDeadlines>();
        services.AddScoped<Core.Workflows.IInvitationLinks, InvitationLinks>();
        services.AddScoped<Core.Workflows.IRehandlingOpener, RehandlingOpener>();
        services.AddRecipeStep<FeedbackStep>();
    }

    public override void ConfigureModel(ModelBuilder modelBuilder) => FeedbackModel.Configure(modelBuilder);

    public override IEnumerable<Permission> GetPermissions() => FeedbackPermissions.All;

    public override void BuildAdminMenu(AdminMenuBuilder menu)
        => menu.Add("建议提案办理", "满意度测评与承诺事项", "/admin/feedback", FeedbackPermissions.View, order: 14);
}
