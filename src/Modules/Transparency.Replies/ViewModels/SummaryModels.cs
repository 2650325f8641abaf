using Transparency.Core.Publishing;
using Transparency.Replies.Models;
using Transparency.Replies.Services;

namespace Transparency.Replies.ViewModels;

/// <summary>The list of sessions and their summaries.</summary>
public sealed class SummaryListModel
{
    public required IReadOnlyList<SummaryRow> Rows { get; init; }
    public bool CanCreate { get; init; }
    public bool CanManageTemplate { get; init; }

    /// <summary>Why the last “根据数据起草” was refused, if it was.</summary>
    public string? Error { get; init; }
}

/// <summary>The back-office page of a summary.</summary>
public sealed class SummaryPageModel
{
    public required SummaryContext Context { get; init; }
    public required DocumentVersion Latest { get; init; }
    public DocumentVersion? Published { get; init; }
    public required ReviewPanelModel Panel { get; init; }

    /// <summary>The session's figures as they are now, for the staff rewriting the text.</summary>
    public HandlingFigures? Figures { get; init; }
}

/// <summary>The summary template settings page: the template, its check, a preview.</summary>
public sealed class SummaryTemplatePageModel
{
    public required string Template { get; init; }
    public bool IsDefault { get; init; }
    public SummaryTemplateError? Error { get; init; }
    public bool Saved { get; init; }

    /// <summary>The rendered preview (sanitized HTML), when the template works.</summary>
    public string? Preview { get; init; }

    /// <summary>The session whose figures the preview uses; null when the example figures are used.</summary>
    public string? PreviewSession { get; init; }
}

/// <summary>The template form: <c>save</c>, <c>preview</c> or <c>reset</c>.</summary>
public sealed class SummaryTemplateForm
{
    public string? Template { get; set; }
    public string? Command { get; set; }
}
