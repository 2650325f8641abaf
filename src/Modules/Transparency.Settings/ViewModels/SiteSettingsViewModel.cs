using System.ComponentModel.DataAnnotations;

namespace Transparency.Settings.ViewModels;

public sealed class SiteSettingsViewModel
{
    [Required(ErrorMessage = "请填写{0}。")]
    [StringLength(200, ErrorMessage = "{0}不能超过{1}个字符。")]
    [Display(Name = "站点名称")]
    public string SiteName { get; set; } = "";

    [Required(ErrorMessage = "请选择{0}。")]
    [Display(Name = "默认语言")]
    public string DefaultCulture { get; set; } = "zh-CN";

    [StringLength(200, ErrorMessage = "{0}不能超过{1}个字符。")]
    [Display(Name = "主办单位")]
    public string? Organization { get; set; }
}
