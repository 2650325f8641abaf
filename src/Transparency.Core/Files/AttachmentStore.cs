using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Transparency.Proposals.Services;

/// <summary>
/// Files uploaded with handling records, kept outside wwwroot under <c>Attachments:Path</c> (default
/// <c>&lt;ContentRoot&gt;/App_Data/attachments</c>), each under a generated name; the original name stays in the database.
/// </summary>
public sealed class AttachmentStore(IConfiguration configuration, IHostEnvironment environment)
{
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

    /// <summary>Opens a stored file for reading; null when it is missing.</summary>
    public Stream? OpenRead(string name)
    {
        var file = PathOf(name);
        return File.Exists(file) ? new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read) : null;
    }

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
