using Microsoft.AspNetCore.Mvc;
using Transparency.Core.Hosting;
using Transparency.Core.Security;
using Transparency.Proposals.Services;

namespace Transparency.Proposals.Controllers;

/// <summary>一件一档: the dossier page and its .zip download.</summary>
[Admin]
[Route("admin/proposals/{id:int}/dossier")]
[RequirePermission(ProposalsPermissions.View)]
public sealed class DossierController(DossierService dossiers) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int id)
        => await dossiers.LoadAsync(id, User) is { } dossier ? View(dossier) : NotFound();

    [HttpGet("archive.zip")]
    public async Task<IActionResult> Archive(int id)
    {
        var dossier = await dossiers.LoadAsync(id, User);
        return dossier is null
            ? NotFound()
            : File(await dossiers.ArchiveAsync(dossier), "application/zip", $"一件一档-{dossier.Proposal.Session.Year}-{dossier.Proposal.Number}.zip");
    }
}
