using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;

namespace Transparency.Workflows.Definitions;

/// <summary>Writes a definition back as JSON in one fixed order, as stored, shown in the editor and exported.</summary>
public static class DefinitionWriter
{
    /// <summary>Indented, with Chinese written as is (readable in the editor, the export and the run pages).</summary>
    public static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    /// <summary>Compact, with Chinese written as is: an event's values in the outbox.</summary>
    public static readonly JsonSerializerOptions Compact = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static JsonObject ToNode(WorkflowDefinition definition)
    {
        var activities = new JsonArray();
        foreach (var activity in definition.Activities)
        {
            var node = new JsonObject { ["id"] = activity.Id, ["type"] = activity.Type };
            foreach (var (field, value) in activity.Fields)
            {
                node[field] = value;
            }

            if (activity.Representatives)
            {
                node["representatives"] = true;
            }

            if (activity.Next.Count > 0)
            {
                var next = new JsonObject();
                foreach (var (outcome, target) in activity.Next)
                {
                    next[outcome] = target;
                }

                node["next"] = next;
            }

            activities.Add(node);
        }

        var root = new JsonObject { ["name"] = definition.Name, ["event"] = definition.Event, ["enabled"] = definition.Enabled };
        if (definition.Description is { Length: > 0 } description)
        {
            root["description"] = description;
        }

        root["start"] = definition.Start;
        root["activities"] = activities;
        return root;
    }

    public static string ToJson(WorkflowDefinition definition) => ToNode(definition).ToJsonString(Options);
}
