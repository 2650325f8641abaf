using Transparency.Core.Files;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Transparency.Core.Audit;
using Transparency.Data;
using Transparency.Proposals.Models;

namespace Transparency.Proposals.Services;

/// <summary>A consultation as entered in the form.</summary>
public sealed record ConsultationInput(
    int? UnitId,
    DateOnly? Date,
    ConsultationMode? Mode,
    ConsultationStage? Stage,
    string? Participants,
    string? Notes);

/// <summary>An uploaded file: its name as sent by the browser, its declared length and its content.</summary>
public sealed record AttachmentUpload(string FileName, long Length, Stream Content);

/// <summary>An attachment ready to be sent back.</summary>
public sealed record AttachmentDownload(Stream Content, string FileName, string ContentType);

/// <summary>
/// 面商 / 沟通联系 records: read by whoever sees the proposal; written by a unit with an active assignment on it
/// (or by a coordinator holding Proposals.ViewAll and Proposals.Handle, on a unit's behalf).
/// </summary>
public sealed class ConsultationService(
    TransparencyDbContext db,
    HandlingAccess access,
    AttachmentStore store,
    IAuditTrail audit,
    TimeProvider clock)
{
    public const int MaxParticipants = 500;
    public const int MaxNotes = 4000;

    /// <summary>The proposal's consultations, newest first; <see cref="ProposalNotVisibleException"/> when the proposal is not visible.</summary>
    public async Task<(Proposal Proposal, IReadOnlyList<Consultation> Consultations)> ListAsync(int proposalId, ClaimsPrincipal user)
    {
        var proposal = await access.ProposalAsync(proposalId, user);
        var list = await db.Set<Consultation>().AsNoTracking()
            .Where(c => c.ProposalId == proposal.Id)
            .OrderByDescending(c => c.Date).ThenByDescending(c => c.Id)
            .ToListAsync();
        return (proposal, list);
    }

    /// <summary>The units on whose behalf the user may record a consultation on this proposal (empty: may not record).</summary>
    public async Task<IReadOnlyList<int>> RecordingUnitsAsync(Proposal proposal, ClaimsPrincipal user)
    {
        if (!await access.HasAsync(user, ProposalsPermissions.Handle))
        {
            return [];
        }

        var active = proposal.Assignments.Where(a => a.Status == AssignmentStatus.Active).Select(a => a.UnitId).Distinct().ToList();
        if (await access.HasAsync(user, ProposalsPermissions.ViewAll))
        {
            return active;
        }

        var mine = await access.Scope.UnitsOfAsync(user);
        return active.Where(mine.Contains).ToList();
    }

    /// <summary>Records a consultation with its optional attachment; saves with an audit event.</summary>
    public async Task<Consultation> RecordAsync(int proposalId, ConsultationInput input, AttachmentUpload? upload, ClaimsPrincipal user)
    {
        await access.RequireAsync(user, ProposalsPermissions.Handle);
        var proposal = await access.ProposalAsync(proposalId, user);
        var units = await RecordingUnitsAsync(proposal, user);
        if (units.Count == 0)
        {
            throw new UnauthorizedAccessException("本单位没有该件建议提案的有效交办，不能记录沟通联系。");
        }

        var consultation = Validate(input, units);
        if (upload is not null)
        {
            await AttachAsync(consultation, upload);
        }

        consultation.ProposalId = proposal.Id;
        consultation.RecordedBy = user.Identity?.Name ?? "";
        consultation.RecordedUtc = clock.GetUtcNow().UtcDateTime;
        db.Add(consultation);
        var unit = await access.UnitNameAsync(consultation.UnitId);
        audit.Record(new AuditEntry("Proposals", "ConsultationRecorded", Proposal.SubjectId(proposal.Id),
            $"第{proposal.Number}号 {unit}记录沟通联系：{ChinaDate.Format(consultation.Date)}，{ProposalText.Of(consultation.Mode)}（{ProposalText.Of(consultation.Stage)}）" +
            (consultation.AttachmentName is null ? "" : $"，附件：{consultation.AttachmentName}")));
        try
        {
            await db.SaveChangesAsync();
        }
        catch
        {
            if (consultation.AttachmentPath is not null)
            {
                store.Delete(consultation.AttachmentPath);
            }

            throw;
        }

        return consultation;
    }

    /// <summary>The attachment of a consultation on a visible proposal; <see cref="ProposalNotVisibleException"/> otherwise.</summary>
    public async Task<AttachmentDownload> OpenAttachmentAsync(int proposalId, int consultationId, ClaimsPrincipal user)
    {
        var proposal = await access.ProposalAsync(proposalId, user);
        var consultation = await db.Set<Consultation>().AsNoTracking()
            .FirstOrDefaultAsync(c => c.Id == consultationId && c.ProposalId == proposal.Id);
        if (consultation?.AttachmentPath is not { } path || consultation.AttachmentName is not { } name)
        {
            throw new ProposalNotVisibleException();
        }

        var content = store.OpenRead(path) ?? throw new ProposalNotVisibleException("The attachment file is missing.");
        return new AttachmentDownload(content, name, AttachmentTypes.ContentTypeOf(name));
    }

    private Consultation Validate(ConsultationInput input, IReadOnlyList<int> units)
    {
        var unitId = input.UnitId is { } chosen ? (units.Contains(chosen) ? chosen : 0) : (units.Count == 1 ? units[0] : 0);
        if (unitId == 0)
        {
            throw new ProposalRuleException("请选择记录沟通联系的承办单位。", "UnitId");
        }

        if (input.Date is not { } date)
        {
            throw new ProposalRuleException("请填写沟通日期。", "Date");
        }

        if (date > clock.Today())
        {
            throw new ProposalRuleException("沟通日期不能晚于今天。", "Date");
        }

        if (input.Mode is not { } mode || !Enum.IsDefined(mode))
        {
            throw new ProposalRuleException("请选择沟通方式。", "Mode");
        }

        if (input.Stage is not { } stage || !Enum.IsDefined(stage))
        {
            throw new ProposalRuleException("请选择沟通阶段。", "Stage");
        }

        var participants = input.Participants?.Trim() ?? "";
        if (participants.Length == 0 || participants.Length > MaxParticipants)
        {
            throw new ProposalRuleException($"请填写参加人员，且不超过{MaxParticipants}个字符。", "Participants");
        }

        var notes = input.Notes?.Trim() ?? "";
        if (notes.Length > MaxNotes)
        {
            throw new ProposalRuleException($"沟通情况不能超过{MaxNotes}个字符。", "Notes");
        }

        return new Consultation { UnitId = unitId, Date = date, Mode = mode, Stage = stage, Participants = participants, Notes = notes };
    }

    private async Task AttachAsync(Consultation consultation, AttachmentUpload upload)
    {
        string name, stored;
        try
        {
            (name, stored) = await store.AcceptAsync(upload.FileName, upload.Length, upload.Content);
        }
        catch (AttachmentRejectedException rejected)
        {
            throw new ProposalRuleException(rejected.Message, "Attachment");
        }

        consultation.AttachmentName = name;
        consultation.AttachmentPath = stored;
    }
}
