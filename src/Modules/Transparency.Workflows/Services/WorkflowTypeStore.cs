using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Transparency.Core.Audit;
using Transparency.Data;
using Transparency.Workflows.Definitions;
using Transparency.Workflows.Models;

namespace Transparency.Workflows.Services;

/// <summary>A definition was refused; every problem names its field.</summary>
public sealed class WorkflowDefinitionException(IReadOnlyList<DefinitionError> errors)
    : Exception(string.Join("；", errors.Select(e => e.ToString())))
{
    public IReadOnlyList<DefinitionError> Errors { get; } = errors;
}

/// <summary>The one place where workflow types are written (editor and recipe step): checked, audited, saved together.</summary>
public sealed class WorkflowTypeStore(TransparencyDbContext db, IAuditTrail audit, TimeProvider clock)
{
    /// <summary>Saves a definition from the editor: a new type (<paramref name="id"/> null) or a change of type <paramref name="id"/>.</summary>
    public async Task<WorkflowType> SaveAsync(int? id, string? json, string actor, CancellationToken ct = default)
    {
        var (definition, errors) = DefinitionParser.Parse(json);
        return definition is null ? throw new WorkflowDefinitionException(errors) : await SaveAsync(id, definition, actor, "", ct);
    }

    /// <summary>Imports a definition (recipe step): replaces the type of the same name, or adds it.</summary>
    public async Task<WorkflowType> ImportAsync(JsonElement element, string path, string recipe, CancellationToken ct = default)
    {
        var (definition, errors) = DefinitionParser.Parse(element, path);
        if (definition is null)
        {
            throw new WorkflowDefinitionException(errors);
        }

        var existing = await db.Set<WorkflowType>().Where(t => t.Name == definition.Name).Select(t => (int?)t.Id).FirstOrDefaultAsync(ct);
        return await SaveAsync(existing, definition, "recipe", $"（配置方案 {recipe}）", ct);
    }

    public async Task DeleteAsync(int id, string actor, CancellationToken ct = default)
    {
        var type = await db.Set<WorkflowType>().FirstOrDefaultAsync(t => t.Id == id, ct) ?? throw new KeyNotFoundException();
        db.Remove(type);
        audit.Record(new AuditEntry("Workflows", "TypeDeleted", $"workflow:{id}", $"删除工作流程“{type.Name}”", actor));
        await db.SaveChangesAsync(ct);
    }

    private async Task<WorkflowType> SaveAsync(int? id, WorkflowDefinition definition, string actor, string note, CancellationToken ct)
    {
        await using var unit = await UnitOfWork.BeginAsync(db, ct);
        WorkflowType? type = null;
        if (id is { } key)
        {
            type = await db.Set<WorkflowType>().FirstOrDefaultAsync(t => t.Id == key, ct) ?? throw new KeyNotFoundException();
        }

        if (await db.Set<WorkflowType>().AnyAsync(t => t.Name == definition.Name && t.Id != (id ?? 0), ct))
        {
            throw new WorkflowDefinitionException([new DefinitionError("name", $"已有名为“{definition.Name}”的工作流程。")]);
        }

        var isNew = type is null;
        type ??= db.Add(new WorkflowType()).Entity;
        var from = isNew ? null : (type.Enabled ? "Enabled" : "Disabled");
        type.Name = definition.Name;
        type.Event = definition.Event;
        type.Enabled = definition.Enabled;
        type.DefinitionJson = DefinitionWriter.ToJson(definition);
        type.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        type.UpdatedBy = actor;
        await db.SaveChangesAsync(ct);
        audit.Record(new AuditEntry("Workflows", isNew ? "TypeCreated" : "TypeChanged", $"workflow:{type.Id}",
            $"{(isNew ? "新建" : "修改")}工作流程“{type.Name}”（{type.Event}，{definition.Activities.Count}个活动，{(type.Enabled ? "启用" : "停用")}）{note}", actor)
        {
            FromState = from,
            ToState = type.Enabled ? "Enabled" : "Disabled",
        });
        await db.SaveChangesAsync(ct);
        await unit.CommitAsync(ct);
        return type;
    }
}
