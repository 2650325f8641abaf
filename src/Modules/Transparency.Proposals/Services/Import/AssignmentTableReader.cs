using System.Globalization;
using System.Text;
using System.Xml;
using CsvHelper;
using MiniExcelLibs;

namespace Transparency.Proposals.Services.Import;

/// <summary>
/// Reads the raw rows of an uploaded table: the first worksheet of an .xlsx (MiniExcel), or a CSV (CsvHelper) in UTF-8
/// (with or without BOM) or, when the bytes are not valid UTF-8, GB18030 (what Excel saves on a Chinese Windows).
/// Blank rows are kept, so that a row's index + 1 is its number as the user sees it in Excel.
/// </summary>
public static class AssignmentTableReader
{
    /// <summary>Most rows read, header included; a longer file is refused.</summary>
    public const int MaxRows = 50_001;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly Lazy<Encoding> Gb18030 = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030");
    });

    /// <summary>The rows, or why the file cannot be read.</summary>
    public static (IReadOnlyList<object?[]> Rows, ImportError? Error) Read(byte[] content, ImportFormat format)
    {
        ArgumentNullException.ThrowIfNull(content);
        List<object?[]> rows;
        try
        {
            rows = format == ImportFormat.Xlsx ? ReadWorkbook(content) : ReadCsv(content);
        }
        catch (Exception e) when (e is InvalidDataException or XmlException or InvalidOperationException or FormatException or IOException
                                      or ArgumentException or InvalidCastException or IndexOutOfRangeException or NotSupportedException)
        {
            return ([], new ImportError(null, null, format == ImportFormat.Xlsx
                ? "无法读取该 Excel 文件，请确认是有效的 .xlsx 工作簿。"
                : "无法读取该 CSV 文件。"));
        }

        return rows.Count > MaxRows
            ? ([], new ImportError(null, null, string.Create(CultureInfo.InvariantCulture, $"文件超过 {MaxRows - 1} 行数据，请拆分后分批导入。")))
            : (rows, null);
    }

    /// <summary>The text of a CSV file: UTF-8 (BOM optional) when the bytes are valid UTF-8, else GB18030.</summary>
    public static string DecodeText(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var bom = content.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        try
        {
            return StrictUtf8.GetString(content, bom, content.Length - bom);
        }
        catch (DecoderFallbackException)
        {
            return Gb18030.Value.GetString(content);
        }
    }

    private static List<object?[]> ReadWorkbook(byte[] content)
    {
        using var stream = new MemoryStream(content, writable: false);
        var rows = new List<object?[]>();
        foreach (IDictionary<string, object?> row in stream.Query(useHeaderRow: false, excelType: ExcelType.XLSX))
        {
            rows.Add([.. row.Values]);
            if (rows.Count > MaxRows)
            {
                break;
            }
        }

        return rows;
    }

    private static List<object?[]> ReadCsv(byte[] content)
    {
        var options = new CsvReaderOptions
        {
            HasHeader = false,
            Separator = ',',
            SkipEmptyLines = false, // a blank line is a row in Excel too: keep the numbering
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            MalformedData = CsvMalformedDataHandling.Recover,
        };
        using var reader = CsvReader.FromText(DecodeText(content), options);
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var record = reader.Current.ToArray();
            var row = new object?[record.Length];
            for (var i = 0; i < record.Length; i++)
            {
                row[i] = Unescape(record[i]);
            }

            rows.Add(row);
            if (rows.Count > MaxRows)
            {
                break;
            }
        }

        return rows;
    }

    /// <summary>Undoes the export's guard against formula injection: an apostrophe before = + - @ is dropped.</summary>
    private static string Unescape(string value)
        => value.Length > 1 && value[0] == '\'' && value[1] is '=' or '+' or '-' or '@' or '\t' or '\r' ? value[1..] : value;
}
