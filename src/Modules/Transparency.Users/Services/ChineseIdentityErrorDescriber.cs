using Microsoft.AspNetCore.Identity;

namespace Transparency.Users.Services;

/// <summary>Identity's messages in the site's default language; the English originals are Identity's own.</summary>
public sealed class ChineseIdentityErrorDescriber : IdentityErrorDescriber
{
    private static bool English => System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public override IdentityError PasswordTooShort(int length)
        => English ? base.PasswordTooShort(length) : new() { Code = nameof(PasswordTooShort), Description = $"密码长度不能少于 {length} 个字符。" };

    public override IdentityError PasswordRequiresDigit()
        => English ? base.PasswordRequiresDigit() : new() { Code = nameof(PasswordRequiresDigit), Description = "密码须包含数字。" };

    public override IdentityError PasswordRequiresLower()
        => English ? base.PasswordRequiresLower() : new() { Code = nameof(PasswordRequiresLower), Description = "密码须包含小写字母。" };

    public override IdentityError PasswordRequiresUpper()
        => English ? base.PasswordRequiresUpper() : new() { Code = nameof(PasswordRequiresUpper), Description = "密码须包含大写字母。" };

    public override IdentityError DuplicateUserName(string userName)
        => English ? base.DuplicateUserName(userName) : new() { Code = nameof(DuplicateUserName), Description = $"用户名“{userName}”已被使用。" };

    public override IdentityError DuplicateRoleName(string role)
        => English ? base.DuplicateRoleName(role) : new() { Code = nameof(DuplicateRoleName), Description = $"角色名“{role}”已存在。" };

    public override IdentityError InvalidUserName(string? userName)
        => English ? base.InvalidUserName(userName) : new() { Code = nameof(InvalidUserName), Description = $"用户名“{userName}”无效，只能包含字母、数字及 -._@+ 符号。" };
}
