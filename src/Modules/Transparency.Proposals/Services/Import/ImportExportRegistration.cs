using Microsoft.Extensions.DependencyInjection;
using Transparency.Proposals.Services.Export;

namespace Transparency.Proposals.Services.Import;

/// <summary>The services of the assignment table's import and export.</summary>
public static class ImportExportRegistration
{
    public static void Register(IServiceCollection services)
    {
        services.AddScoped<AssignmentTableImporter>();
        services.AddScoped<AssignmentTableExporter>();
        services.AddSingleton<ImportFileStore>();
    }
}
