using Microsoft.Extensions.Configuration;
using Transparency.Data;

namespace Transparency.Core.Tests.Data;

public sealed class DatabaseSetupTests
{
    private static IConfiguration Config(Dictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    [Fact]
    public void DefaultIsASqliteFileInAppData()
    {
        var root = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"));
        var (provider, connection) = DatabaseSetup.Resolve(Config([]), root);
        Assert.Equal(DatabaseProvider.Sqlite, provider);
        Assert.Equal($"Data Source={Path.Combine(root, "App_Data", "transparency.db")}", connection);
        Assert.True(Directory.Exists(Path.Combine(root, "App_Data")));
        Directory.Delete(root, recursive: true);
    }

    [Theory]
    [InlineData("postgresql")]
    [InlineData("PostgreSql")]
    public void PostgreSqlIsChosenCaseInsensitively(string name)
    {
        var (provider, _) = DatabaseSetup.Resolve(Config(new() { ["Database:Provider"] = name, ["ConnectionStrings:Default"] = "Host=x" }), "/tmp");
        Assert.Equal(DatabaseProvider.PostgreSql, provider);
    }

    [Theory]
    [InlineData("Oracle")]
    [InlineData("1")]
    public void UnknownProviderListsTheValidOnes(string name)
    {
        var error = Assert.Throws<InvalidOperationException>(() => DatabaseSetup.Resolve(Config(new() { ["Database:Provider"] = name }), "/tmp"));
        Assert.Contains("Valid values: Sqlite, PostgreSql", error.Message);
    }
}
