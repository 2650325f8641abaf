using System.ComponentModel.DataAnnotations;

namespace Transparency.Users.ViewModels;

public sealed class LoginViewModel
{
    [Required(ErrorMessage = "请填写{0}。")]
    [StringLength(256)]
    [Display(Name = "用户名")]
    public string UserName { get; set; } = "";

    [Required(ErrorMessage = "请填写{0}。")]
    [StringLength(128)]
    [DataType(DataType.Password)]
    [Display(Name = "密码")]
    public string Password { get; set; } = "";

    public string? ReturnUrl { get; set; }
}
