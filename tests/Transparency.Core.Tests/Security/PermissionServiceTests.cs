using System.Security.Claims;
using Transparency.Core.Security;

namespace Transparency.Core.Tests.Security;

public sealed class PermissionServiceTests
{
    private sealed class FixedGrants(Dictionary<string, string[]> grants) : IPermissionGrantStore
    {
        public int Calls { get; private set; }

        public Task<IReadOnlySet<string>> GetPermissionsAsync(string userId, CancellationToken cancellationToken = default)
        {
            Calls++;
            return Task.FromResult<IReadOnlySet<string>>(new HashSet<string>(grants.GetValueOrDefault(userId, [])));
        }
    }

    private static ClaimsPrincipal User(string id)
        => new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, id), new Claim(ClaimTypes.Name, id)], "test"));

    [Fact]
    public async Task GrantedPermissionIsHeldAndOthersAreNot()
    {
        var service = new PermissionService(new FixedGrants(new() { ["u1"] = ["Admin.Access"] }));
        Assert.True(await service.HasPermissionAsync(User("u1"), "Admin.Access"));
        Assert.False(await service.HasPermissionAsync(User("u1"), "Admin.Roles"));
    }

    [Fact]
    public async Task AllPermissionsMarkerGrantsEverything()
    {
        var service = new PermissionService(new FixedGrants(new() { ["root"] = [StandardRoles.AllPermissions] }));
        Assert.True(await service.HasPermissionAsync(User("root"), "Anything.AtAll"));
    }

    [Fact]
    public async Task AnonymousHoldsNothing()
    {
        var service = new PermissionService(new FixedGrants(new() { ["u1"] = ["Admin.Access"] }));
        Assert.False(await service.HasPermissionAsync(new ClaimsPrincipal(new ClaimsIdentity()), "Admin.Access"));
    }

    [Fact]
    public async Task GrantsAreReadOncePerRequestScope()
    {
        var store = new FixedGrants(new() { ["u1"] = ["Admin.Access"] });
        var service = new PermissionService(store);
        await service.HasPermissionAsync(User("u1"), "Admin.Access");
        await service.HasPermissionAsync(User("u1"), "Admin.Roles");
        Assert.Equal(1, store.Calls);
    }

    [Fact]
    public void RegistryRefusesAPermissionDeclaredTwice()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            new PermissionRegistry([new("A.B", "x", "g"), new("A.B", "y", "g")]));
        Assert.Contains("'A.B'", error.Message);
    }
}
