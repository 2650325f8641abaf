using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Transparency.Replies.Letters;

/// <summary>Services of the reply letter generator; called from the Replies module's Startup.</summary>
public static class LettersRegistration
{
    public static void Register(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<ReplyLetterGenerator>();
    }
}
