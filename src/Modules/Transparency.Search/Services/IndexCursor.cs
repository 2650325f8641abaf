using System.Text.Json;

namespace Transparency.Search.Services;

/// <summary>
/// How far this node's index has read the content-change log, kept in a file beside the index (not in the shared
/// database: every node has its own). <see cref="Gaps"/> are sequence numbers skipped over that a transaction still
/// open may yet commit (PostgreSQL hands out identities before commit); they are looked for until they time out.
/// </summary>
public sealed record IndexCursor(long Sequence, IReadOnlyList<IndexGap> Gaps, DateTime? LastRebuildUtc)
{
    /// <summary>The <see cref="IndexFields.Layout"/> the index was built with (0 in files written before it was kept).</summary>
    public int Layout { get; init; }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>The cursor in <paramref name="file"/>, or null when it is missing or unreadable (then the index is rebuilt).</summary>
    public static IndexCursor? Read(string file)
    {
        try
        {
            return File.Exists(file) && JsonSerializer.Deserialize<IndexCursor>(File.ReadAllText(file), Json) is { Sequence: >= 0 } cursor
                ? cursor with { Gaps = cursor.Gaps ?? [] }
                : null;
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>Writes the cursor through a temporary file, so a crash leaves the old or the new one, never half of one.</summary>
    public void Write(string file)
    {
        var temporary = file + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(this, Json));
        File.Move(temporary, file, overwrite: true);
    }
}

/// <summary>A sequence number not seen yet, and when it was first missed.</summary>
public sealed record IndexGap(long Sequence, DateTime SinceUtc);
