using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Transparency.Contents.Services;
using Transparency.Core.Content;
using Transparency.Core.Modules;

namespace Transparency.Contents;

public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        // Stateless and thread-safe once configured: one instance each for the whole site.
        services.AddSingleton<IHtmlSanitizer, RichTextSanitizer>();
        services.AddSingleton<IPersonalDataDetector, PersonalDataDetector>();
        services.AddSingleton<ITextDiff, TextDiff>();
    }
}
