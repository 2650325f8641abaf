using System.ComponentModel.DataAnnotations;
using Transparency.Core.Units;

namespace Transparency.Units.ViewModels;

public sealed class UnitEditViewModel
{
    public int? Id { get; set; }

    [Required(ErrorMessage = "请填写{0}。")]
    [StringLength(200, ErrorMessage = "{0}不能超过{1}个字符。")]
    [Display(Name = "单位名称")]
    public string Name { get; set; } = "";

    [StringLength(100, ErrorMessage = "{0}不能超过{1}个字符。")]
    [Display(Name = "简称")]
    public string? ShortName { get; set; }

    [Display(Name = "局内单位")]
    public bool IsInternal { get; set; }

    [Display(Name = "上级单位")]
    public int? ParentId { get; set; }

    public IReadOnlyList<UnitInfo> Candidates { get; set; } = [];
}
