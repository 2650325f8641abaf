using CsvHelper;
using MiniExcelLibs;
using Transparency.Proposals.Services.Import;

namespace Transparency.Proposals.Services.Export;

/// <summary>Writes exported rows as .xlsx (MiniExcel, text cells) or .csv (UTF-8 with BOM, so that Excel reads Chinese right).</summary>
public static class AssignmentTableWriter
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string CsvContentType = "text/csv; charset=utf-8";
    public const string SheetName = "交办任务分解表";

    public static byte[] ToXlsx(IReadOnlyList<IReadOnlyDictionary<string, string>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var sheet = rows.Count == 0
            ? [AssignmentTableColumns.Export.ToDictionary(c => c, _ => (object?)null)]
            : rows.Select(r => AssignmentTableColumns.Export.ToDictionary(c => c, c => (object?)r.GetValueOrDefault(c, ""))).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(sheet, sheetName: SheetName, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    public static byte[] ToCsv(IReadOnlyList<IReadOnlyDictionary<string, string>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var options = new CsvWriterOptions
        {
            WriteByteOrderMark = true,
            NewLine = "\r\n",
            Injection = CsvInjection.Escape, // a cell starting with = + - @ is not run as a formula; the import strips the apostrophe
        };
        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, options, leaveOpen: true))
        {
            csv.WriteRecord([.. AssignmentTableColumns.Export]);
            foreach (var row in rows)
            {
                csv.WriteRecord(AssignmentTableColumns.Export.Select(c => row.GetValueOrDefault(c, "")).ToArray());
            }
        }

        return stream.ToArray();
    }
}
