using System.ComponentModel.DataAnnotations;

namespace Transparency.Users.ViewModels;

public sealed class RoleEditViewModel
{
    public string? Id { get; set; }

    [Required(ErrorMessage = "请填写{0}。")]
    [StringLength(128, ErrorMessage = "{0}不能超过{1}个字符。")]
    [RegularExpression(@"^[\p{L}\p{N}_.\- ]+$", ErrorMessage = "{0}只能包含文字、数字、空格及 _.- 符号。")]
    [Display(Name = "角色名")]
    public string Name { get; set; } = "";

    [StringLength(500, ErrorMessage = "{0}不能超过{1}个字符。")]
    [Display(Name = "说明")]
    public string? Description { get; set; }

    public List<string> Permissions { get; set; } = [];

    public bool IsAdministrator { get; set; }
}
