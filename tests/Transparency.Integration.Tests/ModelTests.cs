using Microsoft.EntityFrameworkCore;
using Transparency.Core.Modules;
using Transparency.Data;
using Transparency.Web.Extensions;

namespace Transparency.Integration.Tests;

/// <summary>The committed migrations match the model the modules build, for each provider.</summary>
public sealed class ModelTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public void ProviderHasNoPendingModelChanges(DatabaseProvider provider)
    {
        var modules = ModuleCatalog.Build(ModuleCatalog.ReferencedAssemblies(), []);
        using var db = DesignTimeDbContextFactory.Create(provider, modules);
        Assert.False(db.Database.HasPendingModelChanges(),
            $"The {provider} model has changes without a migration: run scripts/add-migration.sh <Name>.");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public void ACheckAgainstAChangedModelFails(DatabaseProvider provider)
    {
        // Proves the check above can fail: a module that adds an entity without a migration.
        var modules = ModuleCatalog.Build(ModuleCatalog.ReferencedAssemblies(), [])
            .Append(new ModuleDescriptor("Test.Extra", "", "", [], new ExtraEntityStartup()))
            .ToList();
        using var db = DesignTimeDbContextFactory.Create(provider, modules);
        Assert.True(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public void EveryTableCarriesItsModulePrefix()
    {
        var modules = ModuleCatalog.Build(ModuleCatalog.ReferencedAssemblies(), []);
        using var db = DesignTimeDbContextFactory.Create(DatabaseProvider.Sqlite, modules);
        var prefixes = new[] { "core_", "users_", "units_", "audit_", "recipes_", "settings_", "calendar_", "proposals_", "replies_", "notifications_", "search_", "feedback_", "workflows_" };
        foreach (var entity in db.Model.GetEntityTypes())
        {
            var table = entity.GetTableName()!;
            Assert.True(prefixes.Any(table.StartsWith), $"table {table} has no module prefix");
        }
    }

    private sealed class ExtraEntityStartup : ModuleStartup
    {
        public override void ConfigureModel(ModelBuilder modelBuilder) => modelBuilder.Entity<ExtraEntity>().ToTable("extra_things");
    }

    private sealed class ExtraEntity
    {
        public int Id { get; set; }
    }
}
