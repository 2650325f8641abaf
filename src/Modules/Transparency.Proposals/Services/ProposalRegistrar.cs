using Microsoft.EntityFrameworkCore;
using Transparency.Core.Audit;
using Transparency.Data;
using Transparency.Proposals.Models;

namespace Transparency.Proposals.Services;

/// <summary>The fields of a proposal as registered or edited.</summary>
public sealed record ProposalInput(
    int SessionId,
    ProposalKind Kind,
    string Number,
    string Title,
    string Body,
    int? CategoryId,
    bool IsKey,
    DateOnly ReceivedOn,
    IReadOnlyList<int> RepresentativeIds);

/// <summary>Registers and edits proposals (登记): validates the fields, saves, audits.</summary>
public sealed class ProposalRegistrar(TransparencyDbContext db, IAuditTrail audit, TimeProvider clock)
{
    public const int MaxTitle = 200;
    public const int MaxBody = 20000;

    /// <summary>Checks the input against the database; throws <see cref="ProposalRuleException"/> naming the field.</summary>
    public async Task ValidateAsync(ProposalInput input, int? existingId)
    {
        var number = NormalizeNumber(input.Number);
        if (number.Length is 0 or > 20)
        {
            throw new ProposalRuleException("建议编号不能为空，且不超过20个字符。", "Number");
        }

        if (string.IsNullOrWhiteSpace(input.Title) || input.Title.Trim().Length > MaxTitle)
        {
            throw new ProposalRuleException($"标题不能为空，且不超过{MaxTitle}个字符。", "Title");
        }

        if (input.Body.Length > MaxBody)
        {
            throw new ProposalRuleException($"建议内容不能超过{MaxBody}个字符。", "Body");
        }

        if (!await db.Set<Session>().AnyAsync(s => s.Id == input.SessionId))
        {
            throw new ProposalRuleException("请选择届次。", "SessionId");
        }

        if (input.CategoryId is { } category && !await db.Set<Category>().AnyAsync(c => c.Id == category))
        {
            throw new ProposalRuleException("类别无效。", "CategoryId");
        }

        if (input.RepresentativeIds.Count == 0)
        {
            throw new ProposalRuleException("至少须有一名领衔代表（委员）。", "RepresentativeIds");
        }

        if (input.RepresentativeIds.Distinct().Count() != input.RepresentativeIds.Count)
        {
            throw new ProposalRuleException("同一代表（委员）不能重复列出。", "RepresentativeIds");
        }

        var found = await db.Set<Representative>().CountAsync(r => input.RepresentativeIds.Contains(r.Id));
        if (found != input.RepresentativeIds.Count)
        {
            throw new ProposalRuleException("代表（委员）无效。", "RepresentativeIds");
        }

        if (await db.Set<Proposal>().AnyAsync(p => p.SessionId == input.SessionId && p.Number == number && p.Id != (existingId ?? 0)))
        {
            throw new ProposalRuleException($"本届次已有编号为 {number} 的建议提案。", "Number");
        }
    }

    /// <summary>Registers a new proposal and saves it with its audit event.</summary>
    public async Task<Proposal> RegisterAsync(ProposalInput input)
    {
        await ValidateAsync(input, null);
        var proposal = new Proposal { Status = ProposalStatus.Registered, CreatedUtc = clock.GetUtcNow().UtcDateTime };
        Apply(proposal, input);
        db.Add(proposal);
        await using var transaction = await UnitOfWork.BeginAsync(db);
        await db.SaveChangesAsync();
        audit.Record(new AuditEntry("Proposals", "Registered", Proposal.SubjectId(proposal.Id), $"登记第{proposal.Number}号：{proposal.Title}")
        {
            ToState = nameof(ProposalStatus.Registered),
        });
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return proposal;
    }

    /// <summary>Edits a proposal's fields and saves with an audit event.</summary>
    public async Task UpdateAsync(Proposal proposal, ProposalInput input)
    {
        await ValidateAsync(input, proposal.Id);
        Apply(proposal, input);
        audit.Record(new AuditEntry("Proposals", "Edited", Proposal.SubjectId(proposal.Id), $"修改第{proposal.Number}号：{proposal.Title}"));
        await db.SaveChangesAsync();
    }

    /// <summary>Numbers are written 0123 or 第0123号; both are stored as 0123.</summary>
    public static string NormalizeNumber(string number)
        => number.Trim().TrimStart('第').TrimEnd('号').Trim();

    /// <summary>Copies the input onto the entity (no validation, no save): for bulk import.</summary>
    public static void Apply(Proposal proposal, ProposalInput input)
    {
        proposal.SessionId = input.SessionId;
        proposal.Kind = input.Kind;
        proposal.Number = NormalizeNumber(input.Number);
        proposal.Title = input.Title.Trim();
        proposal.Body = input.Body.Trim();
        proposal.CategoryId = input.CategoryId;
        proposal.IsKey = input.IsKey;
        proposal.ReceivedOn = input.ReceivedOn;
        proposal.Representatives.RemoveAll(r => !input.RepresentativeIds.Contains(r.RepresentativeId));
        foreach (var (id, position) in input.RepresentativeIds.Select((id, i) => (id, i)))
        {
            var link = proposal.Representatives.FirstOrDefault(r => r.RepresentativeId == id);
            if (link is null)
            {
                proposal.Representatives.Add(new ProposalRepresentative { RepresentativeId = id, Position = position });
            }
            else
            {
                link.Position = position;
            }
        }
    }
}
