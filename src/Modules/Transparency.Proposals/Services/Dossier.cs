using Transparency.Core.Audit;
using Transparency.Core.Units;
using Transparency.Proposals.Models;

namespace Transparency.Proposals.Services;

/// <summary>一件一档: everything recorded about one proposal, as the dossier page and archive show it.</summary>
public sealed record Dossier(
    Proposal Proposal,
    IReadOnlyDictionary<int, UnitInfo> Units,
    IReadOnlyList<Consultation> Consultations,
    IReadOnlyList<CoHandlingOpinion> CoOpinions,
    IReadOnlyList<AuditRecord> Events,
    IReadOnlyList<Core.Proposals.DossierPart> Parts);
