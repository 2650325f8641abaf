using Transparency.Proposals.Models;
using Transparency.Proposals.Services.Import;

namespace Transparency.Proposals.ViewModels;

/// <summary>The upload form of the assignment table import.</summary>
public sealed class ImportFormViewModel
{
    public int? SessionId { get; set; }
    public ProposalKind Kind { get; set; } = ProposalKind.Suggestion;
    public IReadOnlyList<Session> Sessions { get; set; } = [];

    /// <summary>Problems with the upload itself (no file, wrong type, too large).</summary>
    public IReadOnlyList<string> Errors { get; set; } = [];
}

/// <summary>The preview: what the file holds, what would be created, and every problem found.</summary>
public sealed class ImportPreviewViewModel
{
    /// <summary>Rows shown in the preview table; the import takes them all.</summary>
    public const int SampleRows = 100;

    /// <summary>Problems listed on the page; the count says how many there are in all.</summary>
    public const int ShownErrors = 500;

    public required ImportPlan Plan { get; init; }
    public required string FileName { get; init; }

    /// <summary>Set when the file has no errors: confirming it posts this token.</summary>
    public string? Token { get; init; }
}

/// <summary>What was imported.</summary>
public sealed class ImportDoneViewModel
{
    public required ImportResult Result { get; init; }
    public required string FileName { get; init; }
}
