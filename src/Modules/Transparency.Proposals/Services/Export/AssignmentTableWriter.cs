using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
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
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        using (var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.Escape }))
        {
            foreach (var column in AssignmentTableColumns.Export)
            {
                csv.WriteField(column);
            }

            csv.NextRecord();
            foreach (var row in rows)
            {
                foreach (var column in AssignmentTableColumns.Export)
                {
                    csv.WriteField(row.GetValueOrDefault(column, ""));
                }

                csv.NextRecord();
            }
        }

        return stream.ToArray();
    }
}
