using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Transparency.Core.Modules;
using Transparency.Data;

namespace Transparency.Web.Extensions;

/// <summary>
/// Used by <c>dotnet ef</c> only: builds the full model of every referenced module for the provider
/// given after <c>--</c> (<c>--provider Sqlite</c> or <c>--provider PostgreSql</c>).
/// </summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<TransparencyDbContext>
{
    public TransparencyDbContext CreateDbContext(string[] args)
    {
        var index = Array.IndexOf(args, "--provider");
        var provider = index >= 0 && index + 1 < args.Length
            ? Enum.Parse<DatabaseProvider>(args[index + 1], ignoreCase: true)
            : DatabaseProvider.Sqlite;
        return Create(provider, ModuleCatalog.Build(ModuleCatalog.ReferencedAssemblies(), []));
    }

    /// <summary>A context over a placeholder connection: enough to build and compare models.</summary>
    public static TransparencyDbContext Create(DatabaseProvider provider, IReadOnlyList<ModuleDescriptor> modules)
    {
        var connection = provider == DatabaseProvider.Sqlite ? "Data Source=design-time.db" : "Host=localhost;Database=design_time";
        var options = new DbContextOptionsBuilder<TransparencyDbContext>();
        options.UseTransparencyDatabase(provider, connection);
        var composition = new ModelComposition(
            string.Join('|', modules.Select(m => m.Id)),
            modules.Select(m => (Action<ModelBuilder>)m.Startup!.ConfigureModel).ToList());
        return new TransparencyDbContext(options.Options, composition);
    }
}
