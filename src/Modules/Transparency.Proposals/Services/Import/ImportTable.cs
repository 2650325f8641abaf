using System.Globalization;

namespace Transparency.Proposals.Services.Import;

/// <summary>A data row of the table: its number as Excel shows it and its cells by column (see <see cref="AssignmentTableColumns"/>).</summary>
public sealed record ImportRow(int Number, IReadOnlyDictionary<string, object?> Cells)
{
    /// <summary>The cell as text, trimmed; empty when the column is absent or the cell blank.</summary>
    public string Text(string column) => Cells.TryGetValue(column, out var value) ? CellText(value) : "";

    public object? Value(string column) => Cells.GetValueOrDefault(column);

    public static string CellText(object? value) => value switch
    {
        null => "",
        string s => s.Trim(),
        double d => d.ToString("0.##########", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture).Trim(),
        _ => value.ToString()?.Trim() ?? "",
    };
}

/// <summary>The data rows of an assignment table found under its header row, or the problems with its header.</summary>
public sealed class ImportTable
{
    /// <summary>Rows searched for the header: a file may have a title row (“2020年交办任务分解表”) above it.</summary>
    public const int HeaderSearchRows = 10;

    public IReadOnlyList<ImportRow> Rows { get; private init; } = [];

    public IReadOnlyList<ImportError> Errors { get; private init; } = [];

    /// <summary>The columns found (canonical names).</summary>
    public IReadOnlyCollection<string> Columns { get; private init; } = [];

    /// <summary>Finds the header (the first of the first ten rows naming 编号 and 标题), maps the columns and keeps the non-blank rows under it.</summary>
    public static ImportTable Parse(IReadOnlyList<object?[]> raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var headerIndex = -1;
        Dictionary<string, int>? columns = null;
        for (var i = 0; i < Math.Min(raw.Count, HeaderSearchRows) && columns is null; i++)
        {
            var candidate = MapHeader(raw[i]);
            if (candidate.ContainsKey(AssignmentTableColumns.Number) && candidate.ContainsKey(AssignmentTableColumns.Title))
            {
                headerIndex = i;
                columns = candidate;
            }
        }

        if (columns is null)
        {
            return new ImportTable
            {
                Errors = [new ImportError(1, null, "找不到表头：第1行应为列名（编号、标题、领衔代表、附议代表、类别、主办单位、协办单位、交办日期）。")],
            };
        }

        var errors = new List<ImportError>();
        var seen = new HashSet<string>();
        foreach (var cell in raw[headerIndex])
        {
            if (AssignmentTableColumns.Canonical(ImportRow.CellText(cell)) is { } name && !seen.Add(name))
            {
                errors.Add(new ImportError(headerIndex + 1, name, "表头重复。"));
            }
        }

        errors.AddRange(AssignmentTableColumns.Required
            .Where(name => !columns.ContainsKey(name))
            .Select(name => new ImportError(headerIndex + 1, name, "缺少必需的列。")));
        if (errors.Count > 0)
        {
            return new ImportTable { Errors = errors, Columns = columns.Keys };
        }

        var rows = new List<ImportRow>(raw.Count - headerIndex);
        for (var i = headerIndex + 1; i < raw.Count; i++)
        {
            var cells = new Dictionary<string, object?>(columns.Count);
            var blank = true;
            foreach (var (name, index) in columns)
            {
                var value = index < raw[i].Length ? raw[i][index] : null;
                cells[name] = value;
                blank &= ImportRow.CellText(value).Length == 0;
            }

            if (!blank)
            {
                rows.Add(new ImportRow(i + 1, cells));
            }
        }

        return new ImportTable { Rows = rows, Columns = columns.Keys };
    }

    private static Dictionary<string, int> MapHeader(object?[] row)
    {
        var columns = new Dictionary<string, int>();
        for (var c = 0; c < row.Length; c++)
        {
            if (AssignmentTableColumns.Canonical(ImportRow.CellText(row[c])) is { } name)
            {
                columns.TryAdd(name, c);
            }
        }

        return columns;
    }
}
