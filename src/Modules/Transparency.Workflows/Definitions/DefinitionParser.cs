using System.Globalization;
using System.Text.Json;
using Transparency.Core.Workflows;

namespace Transparency.Workflows.Definitions;

/// <summary>One problem in a workflow definition, with the JSON path of the field (e.g. <c>activities[1].next.True</c>).</summary>
public sealed record DefinitionError(string Path, string Message)
{
    public override string ToString() => Path.Length == 0 ? Message : $"{Path}：{Message}";
}

/// <summary>
/// Reads and checks a workflow definition (the JSON editor, the recipe step and the stored types all come through
/// here): known event and activity types, required fields, unique ids, outcomes that lead to existing activities, no
/// cycle, Liquid that parses. Every problem is reported with its path; nothing half-valid is accepted.
/// </summary>
public static class DefinitionParser
{
    private static readonly string[] TopFields = ["name", "event", "enabled", "description", "start", "activities"];
    private static readonly string[] Levels = ["Information", "Warning", "Error"];
    private static readonly string[] RecipientFields = ["permission", "role", "users", "units", "to"];

    /// <summary>Parses JSON text; errors instead of a definition when anything is wrong.</summary>
    public static (WorkflowDefinition? Definition, IReadOnlyList<DefinitionError> Errors) Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return (null, [new DefinitionError("", "流程定义不能为空。")]);
        }

        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            return Parse(document.RootElement, "");
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? string.Create(CultureInfo.InvariantCulture, $"第{line + 1}行第{(e.BytePositionInLine ?? 0) + 1}列") : "";
            return (null, [new DefinitionError("", $"不是有效的JSON（{where}）：{e.Message}")]);
        }
    }

    /// <summary>Parses an element (e.g. one entry of the recipe step's <c>workflows</c> array); paths start with <paramref name="root"/>.</summary>
    public static (WorkflowDefinition? Definition, IReadOnlyList<DefinitionError> Errors) Parse(JsonElement element, string root)
    {
        var errors = new List<DefinitionError>();
        string At(string field) => root.Length == 0 ? field : $"{root}.{field}";
        if (element.ValueKind != JsonValueKind.Object)
        {
            return (null, [new DefinitionError(root, "流程定义必须是一个JSON对象。")]);
        }

        foreach (var property in element.EnumerateObject().Where(p => !TopFields.Contains(p.Name)))
        {
            errors.Add(new DefinitionError(At(property.Name), $"不是可用的字段（可用：{string.Join("、", TopFields)}）。"));
        }

        var name = Text(element, "name", At("name"), errors, required: true)?.Trim();
        if (name is { Length: > Models.WorkflowType.NameMaxLength })
        {
            errors.Add(new DefinitionError(At("name"), $"名称不能超过{Models.WorkflowType.NameMaxLength}个字符。"));
        }

        var trigger = Text(element, "event", At("event"), errors, required: true);
        if (trigger is not null && !WorkflowEventNames.All.Contains(trigger))
        {
            errors.Add(new DefinitionError(At("event"), $"未知事件“{trigger}”（可用：{string.Join("、", WorkflowEventNames.All)}）。"));
        }

        var enabled = true;
        if (element.TryGetProperty("enabled", out var e))
        {
            if (e.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                enabled = e.GetBoolean();
            }
            else
            {
                errors.Add(new DefinitionError(At("enabled"), "必须是 true 或 false。"));
            }
        }

        var description = Text(element, "description", At("description"), errors, required: false);
        var start = Text(element, "start", At("start"), errors, required: true);
        var activities = new List<ActivityDefinition>();
        if (!element.TryGetProperty("activities", out var list) || list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0)
        {
            errors.Add(new DefinitionError(At("activities"), "必须是至少包含一个活动的数组。"));
        }
        else
        {
            var i = 0;
            foreach (var item in list.EnumerateArray())
            {
                if (ReadActivity(item, At(string.Create(CultureInfo.InvariantCulture, $"activities[{i}]")), errors) is { } activity)
                {
                    activities.Add(activity);
                }

                i++;
            }
        }

        CheckGraph(activities, start, At, errors);
        return errors.Count > 0 || name is null || trigger is null || start is null
            ? (null, errors)
            : (new WorkflowDefinition(name, trigger, enabled, description, start, activities), []);
    }

    private static ActivityDefinition? ReadActivity(JsonElement item, string path, List<DefinitionError> errors)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new DefinitionError(path, "活动必须是一个JSON对象。"));
            return null;
        }

        var id = Text(item, "id", $"{path}.id", errors, required: true);
        if (id is not null && (id.Length > 50 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
        {
            errors.Add(new DefinitionError($"{path}.id", "编号只能由字母、数字、“-”和“_”组成，不超过50个字符。"));
        }

        var type = Text(item, "type", $"{path}.type", errors, required: true);
        if (type is null || !ActivityTypes.All.TryGetValue(type, out var spec))
        {
            if (type is not null)
            {
                errors.Add(new DefinitionError($"{path}.type", $"未知活动类型“{type}”（可用：{string.Join("、", ActivityTypes.All.Keys)}）。"));
            }

            // Kept (the definition is refused anyway) so that links to it are not reported as missing as well.
            return id is null ? null : new ActivityDefinition(id, type ?? "", new Dictionary<string, string>());
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var representatives = false;
        var next = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in item.EnumerateObject())
        {
            var at = $"{path}.{property.Name}";
            switch (property.Name)
            {
                case "id" or "type":
                    break;
                case "next":
                    ReadNext(property.Value, at, spec.Outcomes, next, errors);
                    break;
                case "representatives" when type == ActivityTypes.SendEmail:
                    if (property.Value.ValueKind is JsonValueKind.True or JsonValueKind.False)
                    {
                        representatives = property.Value.GetBoolean();
                    }
                    else
                    {
                        errors.Add(new DefinitionError(at, "必须是 true 或 false。"));
                    }

                    break;
                default:
                    if (!spec.Fields.Contains(property.Name))
                    {
                        var known = type == ActivityTypes.SendEmail ? [.. spec.Fields, "representatives"] : spec.Fields;
                        errors.Add(new DefinitionError(at, $"{type}活动没有此字段（可用：{string.Join("、", known.Append("next"))}）。"));
                    }
                    else if (property.Value.ValueKind != JsonValueKind.String)
                    {
                        errors.Add(new DefinitionError(at, "必须是字符串。"));
                    }
                    else
                    {
                        fields[property.Name] = property.Value.GetString()!;
                    }

                    break;
            }
        }

        foreach (var required in spec.Required.Where(r => !fields.TryGetValue(r, out var v) || string.IsNullOrWhiteSpace(v)))
        {
            errors.Add(new DefinitionError($"{path}.{required}", "必须填写。"));
        }

        CheckFields(type, fields, representatives, path, errors);
        // An activity with errors is kept too, so that its links are checked; the definition is refused for the errors.
        return id is null ? null : new ActivityDefinition(id, type, next) { Fields = fields, Representatives = representatives };
    }

    private static void CheckFields(string type, Dictionary<string, string> fields, bool representatives, string path, List<DefinitionError> errors)
    {
        foreach (var (field, text) in fields)
        {
            if (ActivityTypes.TemplateFields.Contains(field) && LiquidTemplates.Check(text) is { } problem)
            {
                errors.Add(new DefinitionError($"{path}.{field}", $"Liquid模板有误：{problem}"));
            }
        }

        if (type == ActivityTypes.IfElse && fields.TryGetValue("condition", out var condition) && LiquidTemplates.CheckCondition(condition) is { } bad)
        {
            errors.Add(new DefinitionError($"{path}.condition", $"条件有误：{bad}（示例：event.rating == \"不满意\"）"));
        }

        if (type == ActivityTypes.Log && fields.TryGetValue("level", out var level) && !Levels.Contains(level))
        {
            errors.Add(new DefinitionError($"{path}.level", $"只能是{string.Join("、", Levels)}之一。"));
        }

        if (type == ActivityTypes.HttpRequest && fields.TryGetValue("url", out var url) && !url.Contains("{{", StringComparison.Ordinal)
            && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            errors.Add(new DefinitionError($"{path}.url", "必须是以 http:// 或 https:// 开头的完整地址。"));
        }

        var recipients = RecipientFields.Any(fields.ContainsKey) || representatives;
        if (type is ActivityTypes.SendEmail or ActivityTypes.NotifyUsers && !recipients)
        {
            errors.Add(new DefinitionError(path, type == ActivityTypes.SendEmail
                ? "请指定收件人：to、users、permission、role 或 representatives。"
                : "请指定接收人：users、permission 或 role。"));
        }
    }

    private static void ReadNext(JsonElement value, string path, string[] outcomes, Dictionary<string, string> next, List<DefinitionError> errors)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new DefinitionError(path, "必须是“结果: 下一活动编号”的对象，例如 {\"True\": \"notify\"}。"));
            return;
        }

        foreach (var property in value.EnumerateObject())
        {
            if (!outcomes.Contains(property.Name))
            {
                errors.Add(new DefinitionError($"{path}.{property.Name}", $"不是该活动的结果（可用：{string.Join("、", outcomes)}）。"));
            }
            else if (property.Value.ValueKind != JsonValueKind.String || property.Value.GetString() is not { Length: > 0 } target)
            {
                errors.Add(new DefinitionError($"{path}.{property.Name}", "必须是下一活动的编号。"));
            }
            else
            {
                next[property.Name] = target;
            }
        }
    }

    private static void CheckGraph(List<ActivityDefinition> activities, string? start, Func<string, string> at, List<DefinitionError> errors)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var duplicate in activities.Where(a => !ids.Add(a.Id)))
        {
            errors.Add(new DefinitionError(at("activities"), $"活动编号“{duplicate.Id}”重复。"));
        }

        if (start is not null && activities.Count > 0 && !ids.Contains(start))
        {
            errors.Add(new DefinitionError(at("start"), $"没有编号为“{start}”的活动。"));
        }

        for (var i = 0; i < activities.Count; i++)
        {
            foreach (var (outcome, target) in activities[i].Next.Where(n => !ids.Contains(n.Value)))
            {
                errors.Add(new DefinitionError(at(string.Create(CultureInfo.InvariantCulture, $"activities[{i}].next.{outcome}")), $"没有编号为“{target}”的活动。"));
            }
        }

        if (errors.Count == 0 && start is not null && FindCycle(activities.ToDictionary(a => a.Id), start) is { } cycle)
        {
            errors.Add(new DefinitionError(at("activities"), $"活动之间形成循环（{cycle}），流程必须能够结束。"));
        }
    }

    private static string? FindCycle(Dictionary<string, ActivityDefinition> byId, string start)
    {
        var path = new List<string>();
        var done = new HashSet<string>(StringComparer.Ordinal);
        string? Visit(string id)
        {
            if (path.Contains(id))
            {
                return string.Join(" → ", path.SkipWhile(p => p != id).Append(id));
            }

            if (!done.Add(id))
            {
                return null;
            }

            path.Add(id);
            foreach (var target in byId[id].Next.Values)
            {
                if (Visit(target) is { } found)
                {
                    return found;
                }
            }

            path.RemoveAt(path.Count - 1);
            return null;
        }

        return Visit(start);
    }

    private static string? Text(JsonElement element, string field, string path, List<DefinitionError> errors, bool required)
    {
        if (!element.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                errors.Add(new DefinitionError(path, "必须填写。"));
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Add(new DefinitionError(path, "必须是字符串。"));
            return null;
        }

        var text = value.GetString()!;
        if (required && string.IsNullOrWhiteSpace(text))
        {
            errors.Add(new DefinitionError(path, "必须填写。"));
            return null;
        }

        return text;
    }
}
