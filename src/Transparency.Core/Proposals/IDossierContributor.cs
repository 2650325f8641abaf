using System.Security.Claims;

namespace Transparency.Core.Proposals;

/// <summary>
/// Adds another module's records to a proposal's dossier (一件一档), e.g. the replies with their history and
/// letters. Called only after the dossier's own visibility check; a contributor applies its own rules on top.
/// </summary>
public interface IDossierContributor
{
    /// <summary>The module's part of the dossier, or null when it has nothing for this proposal or this user.</summary>
    Task<DossierPart?> ContributeAsync(int proposalId, ClaimsPrincipal user, CancellationToken cancellationToken = default);
}

/// <summary>One module's section of a dossier.</summary>
/// <param name="Key">A short name used in the archive (e.g. <c>replies</c>).</param>
/// <param name="Heading">The section heading (e.g. 答复).</param>
/// <param name="Entries">What the section lists, in order.</param>
/// <param name="Files">Documents to put in the archive under <c>{Key}/</c>.</param>
public sealed record DossierPart(string Key, string Heading, IReadOnlyList<DossierEntry> Entries, IReadOnlyList<DossierFile> Files);

/// <summary>One record in a dossier section.</summary>
/// <param name="Title">e.g. 第1轮答复（已公开）.</param>
/// <param name="Facts">Label/value lines, e.g. (送达, 2020-08-19 邮寄).</param>
/// <param name="Html">Rich text of the record (sanitized again when shown), if any.</param>
/// <param name="Url">A back-office link to the record, if any.</param>
public sealed record DossierEntry(string Title, IReadOnlyList<KeyValuePair<string, string>> Facts, string? Html, string? Url);

/// <summary>A document for the dossier archive; opened only when the archive is written.</summary>
/// <param name="Name">The file name inside the section's folder.</param>
/// <param name="Open">Opens the content; the caller disposes it.</param>
public sealed record DossierFile(string Name, Func<Task<Stream>> Open);
