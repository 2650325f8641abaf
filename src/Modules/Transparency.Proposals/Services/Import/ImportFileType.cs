using System.IO.Compression;

namespace Transparency.Proposals.Services.Import;

/// <summary>The two accepted formats of an assignment table.</summary>
public enum ImportFormat
{
    Xlsx,
    Csv,
}

/// <summary>Which uploads are accepted: .xlsx or .csv by name, and content that is what the name says.</summary>
public static class ImportFileType
{
    /// <summary>Largest accepted upload.</summary>
    public const long MaxBytes = 20 * 1024 * 1024;

    /// <summary>Largest total a workbook may unpack to (a guard against ZIP bombs; a 50,000-row table unpacks to a few tens of MB).</summary>
    public const long MaxUnpackedBytes = 256L * 1024 * 1024;

    /// <summary>What the file input accepts.</summary>
    public const string Accept = ".xlsx,.csv";

    /// <summary>The format of an upload, or null when its name or its content is not an .xlsx workbook or a text CSV.</summary>
    public static ImportFormat? Detect(string fileName, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return Path.GetExtension(fileName).ToUpperInvariant() switch
        {
            ".XLSX" when IsWorkbook(content) => ImportFormat.Xlsx,
            ".CSV" when IsText(content) => ImportFormat.Csv,
            _ => null,
        };
    }

    public static string Extension(ImportFormat format) => format == ImportFormat.Xlsx ? ".xlsx" : ".csv";

    /// <summary>A ZIP (PK\3\4) holding [Content_Types].xml and xl/workbook.xml, unpacking to at most <see cref="MaxUnpackedBytes"/>.</summary>
    private static bool IsWorkbook(byte[] content)
    {
        if (!content.AsSpan().StartsWith("PK\u0003\u0004"u8))
        {
            return false;
        }

        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            return zip.GetEntry("[Content_Types].xml") is not null
                && zip.GetEntry("xl/workbook.xml") is not null
                && zip.Entries.Sum(e => e.Length) <= MaxUnpackedBytes;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    /// <summary>Text: no NUL byte in the first 64 KB and no binary signature (ZIP, PDF, OLE2 .xls).</summary>
    private static bool IsText(byte[] content)
    {
        var head = content.AsSpan(0, Math.Min(content.Length, 64 * 1024));
        return head.Length > 0
            && !head.Contains((byte)0)
            && !head.StartsWith("PK"u8)
            && !head.StartsWith("%PDF"u8)
            && !head.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0]);
    }
}
