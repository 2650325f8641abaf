using Transparency.Core.Files;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Transparency.Proposals.Services;

/// <summary>The services of handling: 延期, 退办/改办, 并案, consultations with attachments, co-opinions, the handling panel.</summary>
public static class HandlingRegistration
{
    public static void Register(IServiceCollection services)
    {
        services.AddScoped<HandlingAccess>();
        services.AddScoped<ExtensionService>();
        services.AddScoped<ReturnService>();
        services.AddScoped<MergeService>();
        services.TryAddSingleton<AttachmentStore>();
        services.AddScoped<ConsultationService>();
        services.AddScoped<CoOpinionService>();
        services.AddScoped<HandlingPanelBuilder>();
    }
}
