using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Transparency.Core.Modules;

namespace Transparency.Replies;

public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
    }
}
