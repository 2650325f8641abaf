using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Transparency.Core.Files;

/// <summary>
/// Files uploaded with handling records, kept outside wwwroot under <c>Attachments:Path</c> (default
/// <c>&lt;ContentRoot&gt;/App_Data/attachments</c>), each under a generated name; the original name stays in the database.
/// </summary>
public sealed class AttachmentStore(IConfiguration configuration, IHostEnvironment environment)
{
    /// <summary>The folder the files are kept in.</summary>
    public string Root { get; } = configuration["Attachments:Path"] is { Length: > 0 } path
        ? Path.GetFullPath(path, environment.ContentRootPath)
        : Path.Combine(environment.ContentRootPath, "App_Data", "attachments");

    /// <summary>Copies at most <paramref name="maxBytes"/> bytes to a new file; returns its stored name, or null when the content is larger.</summary>
    public async Task<string?> SaveAsync(Stream content, long maxBytes, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(Root);
        var name = Guid.NewGuid().ToString("N");
        var buffer = new byte[81920];
        long total = 0;
        await using (var target = new FileStream(PathOf(name), FileMode.CreateNew, FileAccess.Write, FileShare.None))
        {
            int read;
            while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
            {
                total += read;
                if (total > maxBytes)
                {
                    break;
                }

                await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }

        if (total > maxBytes)
        {
            Delete(name);
            return null;
        }

        return name;
    }

    /// <summary>
    /// Checks and stores an upload: an accepted extension, at most <see cref="AttachmentTypes.MaxBytes"/>, and content
    /// that is what the extension says. Returns the cleaned original name and the stored name; throws
    /// <see cref="AttachmentRejectedException"/> with a message for the user, leaving nothing stored.
    /// </summary>
    public async Task<(string FileName, string StoredName)> AcceptAsync(string fileName, long length, Stream content, CancellationToken cancellationToken = default)
    {
        var name = AttachmentTypes.CleanName(fileName);
        if (!AttachmentTypes.IsAllowedName(name))
        {
            throw new AttachmentRejectedException("附件仅限 PDF、DOCX、JPG、PNG 格式。");
        }

        if (length > AttachmentTypes.MaxBytes)
        {
            throw new AttachmentRejectedException("附件大小不能超过10 MB。");
        }

        var stored = await SaveAsync(content, AttachmentTypes.MaxBytes, cancellationToken)
            ?? throw new AttachmentRejectedException("附件大小不能超过10 MB。");
        bool matches;
        await using (var saved = OpenRead(stored)!)
        {
            matches = saved.Length > 0 && AttachmentTypes.ContentMatches(name, saved);
        }

        if (!matches)
        {
            Delete(stored);
            throw new AttachmentRejectedException("附件内容与文件类型不符，仅接受真实的 PDF、DOCX、JPG、PNG 文件。");
        }

        return (name, stored);
    }

    /// <summary>Opens a stored file for reading; null when it is missing.</summary>
    public Stream? OpenRead(string name)
    {
        var file = PathOf(name);
        return File.Exists(file) ? new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read) : null;
    }

    /// <summary>Deletes a stored file; nothing happens when it is missing.</summary>
    public void Delete(string name)
    {
        var file = PathOf(name);
        if (File.Exists(file))
        {
            File.Delete(file);
        }
    }

    /// <summary>Only names this store generated (32 hex digits) are accepted, so a stored name never leads outside the folder.</summary>
    private string PathOf(string name)
        => Guid.TryParseExact(name, "N", out _) ? Path.Combine(Root, name) : throw new ArgumentException("Not a stored attachment name.", nameof(name));
}

/// <summary>An upload was refused; the message says why, for the user.</summary>
public sealed class AttachmentRejectedException(string message) : Exception(message);
