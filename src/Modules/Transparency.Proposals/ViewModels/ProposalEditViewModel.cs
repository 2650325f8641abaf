using System.ComponentModel.DataAnnotations;
using Transparency.Proposals.Models;

namespace Transparency.Proposals.ViewModels;

public sealed class ProposalEditViewModel
{
    public int? Id { get; set; }

    [Display(Name = "届次")]
    public int SessionId { get; set; }

    [Display(Name = "类型")]
    public ProposalKind Kind { get; set; }

    [Required(ErrorMessage = "请填写{0}。")]
    [StringLength(20, ErrorMessage = "{0}不能超过{1}个字符。")]
    [Display(Name = "编号")]
    public string Number { get; set; } = "";

    [Required(ErrorMessage = "请填写{0}。")]
    [StringLength(200, ErrorMessage = "{0}不能超过{1}个字符。")]
    [Display(Name = "标题")]
    public string Title { get; set; } = "";

    [StringLength(20000, ErrorMessage = "{0}不能超过{1}个字符。")]
    [Display(Name = "建议内容")]
    public string? Body { get; set; }

    [Display(Name = "类别")]
    public int? CategoryId { get; set; }

    [Display(Name = "重点建议")]
    public bool IsKey { get; set; }

    [Display(Name = "收到日期")]
    public DateOnly ReceivedOn { get; set; }

    /// <summary>Representative ids, lead first.</summary>
    public List<int> RepresentativeIds { get; set; } = [];

    public IReadOnlyList<Session> Sessions { get; set; } = [];
    public IReadOnlyList<Category> Categories { get; set; } = [];
    public IReadOnlyList<Representative> Representatives { get; set; } = [];
}
