namespace Transparency.Proposals.Services.Import;

/// <summary>The columns of the assignment table (交办任务分解表), named by their Chinese headers; their order in a file is free.</summary>
public static class AssignmentTableColumns
{
    public const string Number = "编号";
    public const string Title = "标题";
    public const string LeadRepresentative = "领衔代表";
    public const string CoRepresentatives = "附议代表";
    public const string Category = "类别";
    public const string LeadUnit = "主办单位";
    public const string CoUnits = "协办单位";
    public const string SplitUnits = "分办单位";
    public const string AssignedOn = "交办日期";
    public const string Body = "建议内容";
    public const string IsKey = "是否重点";
    public const string Status = "状态";
    public const string LeadDue = "主办期限";
    public const string CoDue = "协办期限";

    /// <summary>Other spellings met in real tables, mapped to the column they mean.</summary>
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["建议编号"] = Number,
        ["提案编号"] = Number,
        ["领衔委员"] = LeadRepresentative,
        ["附议委员"] = CoRepresentatives,
        ["提案内容"] = Body,
        ["内容"] = Body,
        ["重点建议"] = IsKey,
        ["重点提案"] = IsKey,
    };

    /// <summary>Headers a file must have.</summary>
    public static IReadOnlyList<string> Required { get; } = [Number, Title, LeadRepresentative, CoRepresentatives, Category, LeadUnit, CoUnits, AssignedOn];

    /// <summary>Headers read when present (分办单位 for split assignments, 是否重点 for key proposals).</summary>
    public static IReadOnlyList<string> Optional { get; } = [Body, SplitUnits, IsKey];

    /// <summary>The export's layout: the import columns, then what the system computed (ignored when re-imported).</summary>
    public static IReadOnlyList<string> Export { get; } =
        [Number, Title, LeadRepresentative, CoRepresentatives, Category, LeadUnit, CoUnits, SplitUnits, AssignedOn, Body, Status, LeadDue, CoDue, IsKey];

    /// <summary>Characters that separate several names in one cell: 、 , ， ; ；.</summary>
    public static IReadOnlyList<char> Separators { get; } = ['、', ',', '，', ';', '；'];

    /// <summary>The column a header cell names (spaces and required-marks * ignored); null for a column the import does not read.</summary>
    public static string? Canonical(string header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var text = string.Concat(header.Where(c => !char.IsWhiteSpace(c) && c is not '*' and not '＊'));
        if (Required.Contains(text) || Optional.Contains(text))
        {
            return text;
        }

        return Aliases.TryGetValue(text, out var column) ? column : null;
    }
}
