using System.Globalization;
using Transparency.Proposals.Models;
using C = Transparency.Proposals.Services.Import.AssignmentTableColumns;

namespace Transparency.Proposals.Services.Import;

/// <summary>
/// Checks every row of an assignment table against data loaded once (<see cref="ImportReferenceData"/>) and turns the
/// valid rows into <see cref="PlannedProposal"/>s. Every problem is reported with its row and column; nothing is queried per row.
/// </summary>
public static class AssignmentTableValidator
{
    public const int MaxNumber = 20;
    public const int MaxName = 50;

    public static ImportPlan Validate(ImportTable table, ImportReferenceData reference, ProposalKind kind)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(reference);
        if (table.Errors.Count > 0)
        {
            return new ImportPlan { Session = reference.Session, Kind = kind, Errors = table.Errors, RowCount = table.Rows.Count };
        }

        if (table.Rows.Count == 0)
        {
            return ImportPlan.Failed(reference.Session, kind, new ImportError(null, null, "文件中没有数据行。"));
        }

        var errors = new List<ImportError>();
        var planned = new List<PlannedProposal>(table.Rows.Count);
        var numbers = new Dictionary<string, int>(table.Rows.Count, StringComparer.Ordinal);
        var newRepresentatives = new List<string>();
        var newSeen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            var before = errors.Count;
            var proposal = ValidateRow(row, reference, numbers, errors);
            if (proposal is not null && errors.Count == before)
            {
                planned.Add(proposal);
                foreach (var name in proposal.Representatives.Where(n => !reference.Representatives.ContainsKey(n) && newSeen.Add(n)))
                {
                    newRepresentatives.Add(name);
                }
            }
        }

        return new ImportPlan
        {
            Session = reference.Session,
            Kind = kind,
            Proposals = planned,
            Errors = errors,
            RowCount = table.Rows.Count,
            NewRepresentatives = newRepresentatives,
            Units = reference.Units,
            Categories = reference.Categories.ToDictionary(c => c.Value, c => c.Key),
        };
    }

    private static PlannedProposal? ValidateRow(ImportRow row, ImportReferenceData reference, Dictionary<string, int> numbers, List<ImportError> errors)
    {
        void Error(string column, string message) => errors.Add(new ImportError(row.Number, column, message));

        var number = ProposalRegistrar.NormalizeNumber(row.Text(C.Number));
        if (number.Length == 0)
        {
            Error(C.Number, "编号不能为空。");
        }
        else if (number.Length > MaxNumber)
        {
            Error(C.Number, $"编号不能超过{MaxNumber}个字符。");
        }
        else if (numbers.TryGetValue(number, out var first))
        {
            Error(C.Number, string.Create(CultureInfo.InvariantCulture, $"编号“{number}”与第{first}行重复。"));
        }
        else
        {
            numbers.Add(number, row.Number);
            if (reference.ExistingNumbers.Contains(number))
            {
                Error(C.Number, $"本届次已有编号为“{number}”的建议提案。");
            }
        }

        var title = row.Text(C.Title);
        if (title.Length == 0)
        {
            Error(C.Title, "标题不能为空。");
        }
        else if (title.Length > ProposalRegistrar.MaxTitle)
        {
            Error(C.Title, $"标题不能超过{ProposalRegistrar.MaxTitle}个字符。");
        }

        var body = row.Text(C.Body);
        if (body.Length > ProposalRegistrar.MaxBody)
        {
            Error(C.Body, $"建议内容不能超过{ProposalRegistrar.MaxBody}个字符。");
        }

        var representatives = Representatives(row, Error);
        var categoryId = Category(row, reference, Error);
        var (lead, co, split) = Units(row, reference, Error);
        DateOnly assignedOn = default;
        if (row.Text(C.AssignedOn).Length == 0)
        {
            Error(C.AssignedOn, "交办日期不能为空。");
        }
        else if (!ImportCells.TryDate(row.Value(C.AssignedOn), out assignedOn))
        {
            Error(C.AssignedOn, $"“{row.Text(C.AssignedOn)}”不是有效日期（应为 yyyy-MM-dd 或 yyyy/M/d）。");
        }

        var isKey = ImportCells.YesNo(row.Text(C.IsKey));
        if (isKey is null)
        {
            Error(C.IsKey, $"“{row.Text(C.IsKey)}”应为“是”或“否”。");
        }

        return new PlannedProposal(row.Number, number, title, body, categoryId, isKey ?? false, assignedOn, representatives, lead, co, split);
    }

    private static List<string> Representatives(ImportRow row, Action<string, string> error)
    {
        var names = new List<string>();
        var leads = ImportCells.Names(row.Text(C.LeadRepresentative));
        if (leads.Count == 0)
        {
            error(C.LeadRepresentative, "领衔代表不能为空。");
        }
        else if (leads.Count > 1)
        {
            error(C.LeadRepresentative, "领衔代表只能填写一人，其他代表请填入“附议代表”。");
        }
        else
        {
            names.Add(leads[0]);
        }

        foreach (var (column, name) in leads.Take(1).Select(n => (C.LeadRepresentative, n))
                     .Concat(ImportCells.Names(row.Text(C.CoRepresentatives)).Select(n => (C.CoRepresentatives, n))))
        {
            if (name.Length > MaxName)
            {
                error(column, $"姓名“{name}”超过{MaxName}个字符。");
            }
            else if (column == C.CoRepresentatives)
            {
                if (names.Contains(name))
                {
                    error(column, $"代表“{name}”重复列出。");
                }
                else
                {
                    names.Add(name);
                }
            }
        }

        return names;
    }

    private static int? Category(ImportRow row, ImportReferenceData reference, Action<string, string> error)
    {
        var name = row.Text(C.Category);
        if (name.Length == 0)
        {
            return null;
        }

        if (reference.Categories.TryGetValue(name, out var id))
        {
            return id;
        }

        error(C.Category, $"未知类别“{name}”。");
        return null;
    }

    private static (int? Lead, List<int> Co, List<int> Split) Units(ImportRow row, ImportReferenceData reference, Action<string, string> error)
    {
        var used = new HashSet<int>();
        List<int> Resolve(string column, IEnumerable<string> names)
        {
            var ids = new List<int>();
            foreach (var name in names)
            {
                var (id, problem) = reference.FindUnit(name);
                if (id is null)
                {
                    error(column, problem!);
                }
                else if (!used.Add(id.Value))
                {
                    error(column, $"单位“{name}”重复交办。");
                }
                else
                {
                    ids.Add(id.Value);
                }
            }

            return ids;
        }

        var leadNames = ImportCells.Names(row.Text(C.LeadUnit));
        var splitNames = ImportCells.Names(row.Text(C.SplitUnits));
        var lead = Resolve(C.LeadUnit, leadNames.Take(1));
        var co = Resolve(C.CoUnits, ImportCells.Names(row.Text(C.CoUnits)));
        var split = Resolve(C.SplitUnits, splitNames);
        if (leadNames.Count > 1)
        {
            error(C.LeadUnit, "主办单位只能填写一个，其他单位请填入“协办单位”。");
        }
        else if (leadNames.Count == 0 && splitNames.Count == 0)
        {
            error(C.LeadUnit, "主办单位不能为空。");
        }
        else if (leadNames.Count == 1 && splitNames.Count > 0)
        {
            error(C.SplitUnits, "同一件建议提案不能既有主办单位又有分办单位。");
        }
        else if (leadNames.Count == 0 && splitNames.Count < 2)
        {
            error(C.SplitUnits, "分办须指定两个以上单位。");
        }

        return (lead.Count == 1 ? lead[0] : null, co, split);
    }
}
