using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Transparency.Core.Files;
using Transparency.Core.Modules;
using Transparency.Core.Navigation;
using Transparency.Core.Publishing;
using Transparency.Core.Recipes;
using Transparency.Core.Search;
using Transparency.Core.Security;
using Transparency.Replies.Models;
using Transparency.Replies.Services;

namespace Transparency.Replies;

public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<AttachmentStore>();
        services.AddScoped<DocumentWorkflow>();
        services.AddScoped<ReplyEvents>();
        services.AddScoped<Core.Workflows.IReplyAutoPublisher, ReplyAutoPublisher>();
        services.AddScoped<ReplyService>();
        services.TryAddScoped<Core.Feedback.IHandlingRounds, Core.Feedback.SingleHandlingRound>();
        services.AddScoped<Core.Feedback.IReplyDirectory, ReplyDirectory>();
        services.AddScoped<ReplyQueries>();
        services.AddScoped<DocumentPages>();
        services.AddScoped<ReplyAttachments>();
        services.AddScoped<ReplyLetters>();
        services.AddScoped<Core.Proposals.IDossierContributor, ReplyDossier>();
        services.AddScoped<SummaryService>();
        services.AddScoped<SummaryFigures>();
        services.AddScoped<IHandlingFigures>(sp => sp.GetRequiredService<SummaryFigures>());
        services.AddScoped<IPublishedContent, PublishedContent>();
        services.AddScoped<ISearchDocumentSource, ReplySearchSource>();
        services.AddScoped<ISearchDocumentSource, SummarySearchSource>();
        services.AddScoped<SummaryTemplates>();
        Letters.LettersRegistration.Register(services);
        services.AddRecipeStep<Recipes.RepliesStep>();
        services.AddRecipeStep<Recipes.SummariesStep>();
    }

    public override void ConfigureModel(ModelBuilder modelBuilder) => RepliesModel.Configure(modelBuilder);

    public override IEnumerable<Permission> GetPermissions() => RepliesPermissions.All;

    public override void BuildAdminMenu(AdminMenuBuilder menu)
    {
        menu.Add("建议提案办理", "我的待办", "/admin/replies/inbox", RepliesPermissions.View, order: 5);
        menu.Add("建议提案办理", "答复", "/admin/replies", RepliesPermissions.View, order: 12);
        menu.Add("建议提案办理", "办理工作总结", "/admin/summaries", RepliesPermissions.View, order: 13);
        menu.Add("系统管理", "答复设置", "/admin/replies/settings", RepliesPermissions.ManageTemplates, order: 82);
        menu.Add("系统管理", "办理工作总结模板", "/admin/summaries/template", RepliesPermissions.ManageTemplates, order: 83);
    }
}
