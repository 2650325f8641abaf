namespace Transparency.Replies.Letters;

/// <summary>办理结果分类: the customary A/B/C classification of a reply.</summary>
public enum ReplyLetterOutcome
{
    /// <summary>A类: 所提问题已经解决或者采纳.</summary>
    A,

    /// <summary>B类: 正在解决或者列入计划逐步解决.</summary>
    B,

    /// <summary>C类: 因条件限制或其他原因暂时无法解决.</summary>
    C,
}

/// <summary>Everything a reply letter (答复函) shows. Strings are plain text; only <see cref="BodyHtml"/> is rich text.</summary>
public sealed record ReplyLetterData
{
    /// <summary>发文单位, e.g. 市城市管理局.</summary>
    public required string UnitName { get; init; }

    /// <summary>文号, e.g. 市城管建字〔2020〕12号.</summary>
    public string DocumentNumber { get; init; } = "";

    /// <summary>公开属性: 主动公开 / 依申请公开 / 不予公开.</summary>
    public string Classification { get; init; } = "";

    /// <summary>建议 or 提案.</summary>
    public required string ProposalKindName { get; init; }

    /// <summary>True for a CPPCC proposal (members are addressed as 委员), false for a deputies' suggestion (代表).</summary>
    public bool IsCppcc { get; init; }

    /// <summary>会议, e.g. 市十六届人大三次会议.</summary>
    public required string SessionName { get; init; }

    /// <summary>编号 as written in the title, e.g. 0012.</summary>
    public required string ProposalNumber { get; init; }

    /// <summary>The proposal's title, e.g. 关于加强背街小巷环境卫生整治的建议.</summary>
    public string ProposalTitle { get; init; } = "";

    /// <summary>Names of the representatives, lead first.</summary>
    public IReadOnlyList<string> Representatives { get; init; } = [];

    public ReplyLetterOutcome Outcome { get; init; }

    /// <summary>The reply text: sanitized rich-text HTML.</summary>
    public string BodyHtml { get; init; } = "";

    /// <summary>成文日期.</summary>
    public DateOnly Date { get; init; }

    public string ContactPerson { get; init; } = "";

    public string ContactPhone { get; init; } = "";

    /// <summary>抄送: units that receive a copy.</summary>
    public IReadOnlyList<string> CopyTo { get; init; } = [];

    /// <summary>代表 or 委员.</summary>
    public string RepresentativeTitle => IsCppcc ? "委员" : "代表";

    /// <summary>The 主送 line: “张丽萍代表、王建国代表：” or “李明委员：”.</summary>
    public string Salutation
    {
        get
        {
            var names = (Representatives ?? []).Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n.Trim() + RepresentativeTitle).ToList();
            return (names.Count == 0 ? "各位" + RepresentativeTitle : string.Join("、", names)) + "：";
        }
    }

    /// <summary>The customary text of an outcome: 所提问题已经解决或者采纳 …</summary>
    public static string OutcomeText(ReplyLetterOutcome outcome) => outcome switch
    {
        ReplyLetterOutcome.A => "所提问题已经解决或者采纳",
        ReplyLetterOutcome.B => "正在解决或者列入计划逐步解决",
        ReplyLetterOutcome.C => "因条件限制或其他原因暂时无法解决",
        _ => "",
    };
}
