using Transparency.Replies.Models;

namespace Transparency.Replies.Services;

/// <summary>What an editor submits for a version: the texts come in as HTML from outside and are sanitized on save.</summary>
/// <param name="Title">The document's title.</param>
/// <param name="OfficialHtml">The official text.</param>
/// <param name="PublicHtml">The public text; blank means “the same as the official text”.</param>
/// <param name="Outcome">The reply's outcome class (replies only).</param>
public sealed record DocumentContent(string Title, string? OfficialHtml, string? PublicHtml, ReplyOutcome? Outcome);

/// <summary>Which version the editor started from: a save based on anything else is a conflict.</summary>
/// <param name="VersionNumber">The version number shown in the editor.</param>
/// <param name="Revision">The version's revision when the editor was opened.</param>
public sealed record EditBase(int VersionNumber, int Revision);
