using Transparency.Core.Content;
using Transparency.Replies.Models;
using Transparency.Replies.Services;

namespace Transparency.Replies.ViewModels;

/// <summary>The editor form of a reply or summary version.</summary>
public sealed class DocumentEditForm
{
    public int VersionNumber { get; set; }
    public int Revision { get; set; }
    public string? Title { get; set; }
    public string? OfficialHtml { get; set; }
    public string? PublicHtml { get; set; }
    public ReplyOutcome? Outcome { get; set; }
    public string? DocumentNumber { get; set; }
    public string? ContactPerson { get; set; }
    public string? ContactPhone { get; set; }

    /// <summary><c>save</c> or <c>submit</c>.</summary>
    public string? Command { get; set; }

    public EditBase Base => new(VersionNumber, Revision);

    public DocumentContent Content => new(Title ?? "", OfficialHtml, PublicHtml, Outcome);
}

/// <summary>What the conflict message shows: the version as someone else saved it, and what differs from the user's text.</summary>
/// <param name="Current">The version as it is now.</param>
/// <param name="OfficialDiff">From the saved official text to the user's.</param>
/// <param name="PublicDiff">From the saved public text to the user's.</param>
public sealed record ConflictModel(DocumentVersion Current, IReadOnlyList<DiffLine> OfficialDiff, IReadOnlyList<DiffLine> PublicDiff);

/// <summary>The edit page of a document.</summary>
public sealed class DocumentEditPageModel
{
    public required ReviewedDocument Document { get; init; }
    public required string Heading { get; init; }
    public required string Action { get; init; }
    public required string BackUrl { get; init; }
    public required DocumentEditForm Form { get; init; }
    public bool IsReply { get; init; }
    public ConflictModel? Conflict { get; init; }
    public IReadOnlyList<DocumentDecisionRecord> Returns { get; init; } = [];
}

/// <summary>The version list of a document.</summary>
public sealed class VersionsPageModel
{
    public required ReviewedDocument Document { get; init; }
    public required string Heading { get; init; }
    public required string BaseUrl { get; init; }
    public required IReadOnlyList<DocumentVersion> Versions { get; init; }
    public bool CanRestore { get; init; }
}

/// <summary>A diff between two versions.</summary>
public sealed class DiffPageModel
{
    public required ReviewedDocument Document { get; init; }
    public required string Heading { get; init; }
    public required string BaseUrl { get; init; }
    public required DocumentVersion Old { get; init; }
    public required DocumentVersion New { get; init; }
    public required IReadOnlyList<DiffLine> Official { get; init; }
    public required IReadOnlyList<DiffLine> Public { get; init; }
    public required IReadOnlyList<DocumentVersion> Versions { get; init; }
}

/// <summary>The publication page: personal data found in the public text, each to be redacted or confirmed.</summary>
public sealed class PublishPageModel
{
    public required ReviewedDocument Document { get; init; }
    public required string Heading { get; init; }
    public required string BaseUrl { get; init; }
    public required DocumentVersion Version { get; init; }
    public required IReadOnlyList<PersonalDataHit> Hits { get; init; }
    public string? Error { get; init; }
}

/// <summary>The review / history panel shared by replies and summaries.</summary>
public sealed class ReviewPanelModel
{
    public required ReviewedDocument Document { get; init; }
    public required string BaseUrl { get; init; }
    public required IReadOnlyList<DocumentDecisionRecord> Decisions { get; init; }
    public string? StageName { get; init; }
    public bool CanEdit { get; init; }
    public bool CanSubmit { get; init; }
    public bool CanReview { get; init; }
    public bool CanPublish { get; init; }
    public bool CanWithdraw { get; init; }
}

/// <summary>The publisher's choice for one piece of personal data: <c>redact</c> or <c>confirm</c>.</summary>
public sealed class PersonalDataChoice
{
    public string? Value { get; set; }
    public string? Choice { get; set; }

    public static (IReadOnlyCollection<string> Redact, IReadOnlyCollection<string> Confirm) Split(IEnumerable<PersonalDataChoice>? choices)
    {
        var list = (choices ?? []).Where(c => !string.IsNullOrEmpty(c.Value)).ToList();
        return (list.Where(c => c.Choice == "redact").Select(c => c.Value!).ToHashSet(),
                list.Where(c => c.Choice == "confirm").Select(c => c.Value!).ToHashSet());
    }
}

/// <summary>The reply settings page: letter template, 抄送 list, review stages.</summary>
public sealed class ReplySettingsModel
{
    public string? Template { get; set; }
    public string? CopyTo { get; set; }
    public List<ReviewStageForm>? Stages { get; set; } = [];
}

/// <summary>One review stage as edited.</summary>
public sealed class ReviewStageForm
{
    public string? Name { get; set; }
    public string? Permission { get; set; }
    public bool UnitScoped { get; set; }
}
