using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Transparency.Data.Identity;

namespace Transparency.Data;

/// <summary>
/// The one DbContext of the site. Its model is the Identity schema plus what every enabled module
/// contributes through <c>ModuleStartup.ConfigureModel</c>; each module prefixes its tables.
/// </summary>
/// <remarks>
/// Add a migration to both providers with <c>scripts/add-migration.sh &lt;Name&gt;</c>, which runs
/// <c>dotnet ef migrations add &lt;Name&gt; --project src/Transparency.Data.Sqlite --startup-project src/Transparency.Web -- --provider Sqlite</c>
/// and the same for <c>Transparency.Data.PostgreSql</c>.
/// </remarks>
public sealed class TransparencyDbContext(DbContextOptions<TransparencyDbContext> options, ModelComposition composition)
    : IdentityDbContext<TransparencyUser, TransparencyRole, string>(options), IDataProtectionKeyContext
{
    /// <summary>Data-protection keys shared by every web node, so that any node accepts any node's cookies.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Identifies the set of modules whose model this context uses.</summary>
    public string CompositionKey => composition.Key;

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<DataProtectionKey>().ToTable("core_data_protection_keys");
        foreach (var configure in composition.Contributors)
        {
            configure(builder);
        }
    }
}
