using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Transparency.Proposals.Models;

namespace Transparency.Proposals.Services.Import;

/// <summary>An upload waiting between its preview and its confirmation: who uploaded it, for which session and kind.</summary>
public sealed record PendingImport(string UserId, int SessionId, ProposalKind Kind, ImportFormat Format, string FileName, DateTime UploadedUtc);

/// <summary>
/// Keeps an uploaded assignment table between preview and confirmation, outside wwwroot under <c>Imports:Path</c>
/// (default <c>&lt;ContentRoot&gt;/App_Data/imports</c>), as <c>&lt;token&gt;.upload</c> plus <c>&lt;token&gt;.json</c>. The token is
/// a generated GUID; only that shape is accepted, so it never leads outside the folder. Uploads older than
/// <see cref="Lifetime"/> are removed. Several nodes must share the folder (or the proxy must keep a user on one node).
/// </summary>
public sealed class ImportFileStore(IConfiguration configuration, IHostEnvironment environment, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    public string Root { get; } = configuration["Imports:Path"] is { Length: > 0 } path
        ? Path.GetFullPath(path, environment.ContentRootPath)
        : Path.Combine(environment.ContentRootPath, "App_Data", "imports");

    /// <summary>Stores the upload and returns its token.</summary>
    public async Task<string> SaveAsync(byte[] content, PendingImport pending, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(Root);
        Sweep();
        var token = Guid.NewGuid().ToString("N");
        var (data, meta) = Paths(token)!.Value;
        await File.WriteAllBytesAsync(data, content, cancellationToken);
        await File.WriteAllTextAsync(meta, JsonSerializer.Serialize(pending), cancellationToken);
        return token;
    }

    /// <summary>The upload and its details; null when the token is malformed, unknown or expired.</summary>
    public async Task<(byte[] Content, PendingImport Pending)?> LoadAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (Paths(token) is not { } paths || !File.Exists(paths.Data) || !File.Exists(paths.Meta))
        {
            return null;
        }

        PendingImport? pending;
        try
        {
            pending = JsonSerializer.Deserialize<PendingImport>(await File.ReadAllTextAsync(paths.Meta, cancellationToken));
        }
        catch (JsonException)
        {
            return null;
        }

        if (pending is null || clock.GetUtcNow().UtcDateTime - pending.UploadedUtc > Lifetime)
        {
            return null;
        }

        return (await File.ReadAllBytesAsync(paths.Data, cancellationToken), pending);
    }

    public void Delete(string? token)
    {
        if (Paths(token) is { } paths)
        {
            File.Delete(paths.Data);
            File.Delete(paths.Meta);
        }
    }

    private (string Data, string Meta)? Paths(string? token)
    {
        if (!Guid.TryParseExact(token, "N", out var guid))
        {
            return null;
        }

        var name = guid.ToString("N");
        return (Path.Combine(Root, name + ".upload"), Path.Combine(Root, name + ".json"));
    }

    /// <summary>Removes uploads nobody confirmed within <see cref="Lifetime"/>.</summary>
    private void Sweep()
    {
        var cutoff = clock.GetUtcNow().UtcDateTime - Lifetime;
        foreach (var file in new DirectoryInfo(Root).EnumerateFiles())
        {
            if (file.LastWriteTimeUtc < cutoff && file.Extension is ".upload" or ".json")
            {
                try
                {
                    file.Delete();
                }
                catch (IOException)
                {
                    // in use or gone: the next sweep retries
                }
            }
        }
    }
}
