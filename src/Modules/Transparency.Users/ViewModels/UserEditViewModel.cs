using System.ComponentModel.DataAnnotations;
using Transparency.Core.Units;

namespace Transparency.Users.ViewModels;

public sealed class UserEditViewModel
{
    public string? Id { get; set; }

    [Required(ErrorMessage = "请填写{0}。")]
    [StringLength(256, ErrorMessage = "{0}不能超过{1}个字符。")]
    [Display(Name = "用户名")]
    public string UserName { get; set; } = "";

    [Required(ErrorMessage = "请填写{0}。")]
    [StringLength(100, ErrorMessage = "{0}不能超过{1}个字符。")]
    [Display(Name = "姓名")]
    public string DisplayName { get; set; } = "";

    [EmailAddress(ErrorMessage = "{0}格式不正确。")]
    [StringLength(256)]
    [Display(Name = "电子邮箱")]
    public string? Email { get; set; }

    [StringLength(128)]
    [DataType(DataType.Password)]
    [Display(Name = "密码")]
    public string? Password { get; set; }

    public List<string> Roles { get; set; } = [];

    public List<int> Units { get; set; } = [];

    public bool IsLockedOut { get; set; }

    public bool Unlock { get; set; }

    public IReadOnlyList<string> AvailableRoles { get; set; } = [];

    public IReadOnlyList<UnitInfo> AvailableUnits { get; set; } = [];
}
