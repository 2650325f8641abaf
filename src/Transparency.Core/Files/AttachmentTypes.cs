using System.IO.Compression;

namespace Transparency.Core.Files;

/// <summary>The file types accepted as attachments, recognized by their content (magic bytes), not only their extension.</summary>
public static class AttachmentTypes
{
    /// <summary>The largest attachment accepted (10 MB).</summary>
    public const long MaxBytes = 10 * 1024 * 1024;

    /// <summary>What the file input accepts.</summary>
    public const string Accept = ".pdf,.docx,.jpg,.jpeg,.png";

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".png"] = "image/png",
    };

    /// <summary>True when the name has one of the accepted extensions.</summary>
    public static bool IsAllowedName(string fileName) => ContentTypes.ContainsKey(Path.GetExtension(fileName));

    /// <summary>The content type for an allowed name; <c>application/octet-stream</c> otherwise.</summary>
    public static string ContentTypeOf(string fileName)
        => ContentTypes.TryGetValue(Path.GetExtension(fileName), out var type) ? type : "application/octet-stream";

    /// <summary>True when the content is what the name's extension says: %PDF-, a ZIP holding word/document.xml, FF D8 FF, or the PNG signature.</summary>
    public static bool ContentMatches(string fileName, Stream content)
    {
        Span<byte> buffer = stackalloc byte[8];
        var read = content.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        ReadOnlySpan<byte> head = buffer[..read];
        content.Position = 0;
        return Path.GetExtension(fileName).ToUpperInvariant() switch
        {
            ".PDF" => head.StartsWith("%PDF-"u8),
            ".JPG" or ".JPEG" => head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]),
            ".PNG" => head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
            ".DOCX" => head.StartsWith("PK\u0003\u0004"u8) && IsWordDocument(content),
            _ => false,
        };
    }

    /// <summary>The original name, without any folder, at most 200 characters with its extension kept.</summary>
    public static string CleanName(string fileName)
    {
        var name = Path.GetFileName(fileName.Replace('\\', '/')).Trim();
        if (name.Length <= 200)
        {
            return name;
        }

        var extension = Path.GetExtension(name);
        return name[..(200 - extension.Length)] + extension;
    }

    private static bool IsWordDocument(Stream content)
    {
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            return zip.GetEntry("word/document.xml") is not null && zip.GetEntry("[Content_Types].xml") is not null;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }
}
