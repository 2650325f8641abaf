using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Transparency.Core.Hosting;
using Transparency.Core.Security;
using Transparency.Data.Identity;

namespace Transparency.Users.Services;

/// <summary>
/// Makes sure the first administrator exists: user name and password from <c>Setup:AdminUser</c> and
/// <c>Setup:AdminPassword</c> (or <c>Setup__AdminPassword</c> in the environment); when no password is
/// configured one is generated and printed once to the console.
/// </summary>
public sealed class AdministratorSeeder(
    UserManager<TransparencyUser> users,
    RoleManager<TransparencyRole> roles,
    RoleAdminService roleAdmin,
    UserAdminService userAdmin,
    IConfiguration configuration,
    ILogger<AdministratorSeeder> logger) : IStartupTask
{
    public int Order => 0;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if ((await users.GetUsersInRoleAsync(StandardRoles.Administrator)).Count > 0)
        {
            return;
        }

        if (await roles.FindByNameAsync(StandardRoles.Administrator) is null)
        {
            Throw(await roleAdmin.SaveAsync(null, StandardRoles.Administrator, "系统管理员：拥有全部权限", [], replace: true));
        }

        var userName = configuration["Setup:AdminUser"] is { Length: > 0 } name ? name : "admin";
        var password = configuration["Setup:AdminPassword"];
        var generated = string.IsNullOrEmpty(password);
        if (generated)
        {
            password = GeneratePassword();
        }

        var existing = await users.FindByNameAsync(userName);
        Throw(await userAdmin.SaveAsync(existing, new UserChange(
            userName,
            existing?.DisplayName is { Length: > 0 } display ? display : "系统管理员",
            configuration["Setup:AdminEmail"],
            password,
            [StandardRoles.Administrator],
            [])));

        logger.LogWarning("Administrator account '{User}' created", userName);
        if (generated)
        {
            // Printed to the console only, once: the password is not logged and not stored in clear.
            Console.WriteLine();
            Console.WriteLine("================================================================");
            Console.WriteLine($" 已创建系统管理员 / Administrator created: {userName}");
            Console.WriteLine($" 初始密码 / Password (shown once): {password}");
            Console.WriteLine("================================================================");
            Console.WriteLine();
        }
    }

    private static void Throw(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                "The first administrator cannot be created: " + string.Join(" ", result.Errors.Select(e => e.Description)) +
                " Check Setup:AdminUser and Setup:AdminPassword (at least 10 characters with upper case, lower case and digits).");
        }
    }

    private static string GeneratePassword()
    {
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        var chars = Enumerable.Range(0, 16).Select(_ => alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)]).ToList();
        // Guarantee one of each class the password policy requires.
        chars[0] = "ABCDEFGHJKLMNPQRSTUVWXYZ"[RandomNumberGenerator.GetInt32(24)];
        chars[1] = "abcdefghijkmnopqrstuvwxyz"[RandomNumberGenerator.GetInt32(25)];
        chars[2] = "23456789"[RandomNumberGenerator.GetInt32(8)];
        return string.Concat(chars) + "-";
    }
}
