namespace Transparency.Workflows.Definitions;

/// <summary>A validated workflow type: its trigger, the first activity and the activities joined by outcomes.</summary>
public sealed record WorkflowDefinition(
    string Name, string Event, bool Enabled, string? Description, string Start, IReadOnlyList<ActivityDefinition> Activities)
{
    /// <summary>The activity with this id.</summary>
    public ActivityDefinition this[string id] => Activities.First(a => a.Id == id);
}

/// <summary>
/// One activity: its type decides which fields it reads (see <see cref="ActivityTypes"/>); <see cref="Next"/> maps each
/// outcome to the id of the activity that follows (an outcome not mapped ends the run).
/// </summary>
public sealed record ActivityDefinition(string Id, string Type, IReadOnlyDictionary<string, string> Next)
{
    /// <summary>Liquid templates and plain settings by field name (message, subject, body, url, condition, permission…).</summary>
    public IReadOnlyDictionary<string, string> Fields { get; init; } = new Dictionary<string, string>();

    /// <summary>SendEmail: also write to each representative of the proposal.</summary>
    public bool Representatives { get; init; }

    /// <summary>The field's text, or null.</summary>
    public string? Field(string name) => Fields.TryGetValue(name, out var value) && value.Length > 0 ? value : null;
}

/// <summary>The activity types, their fields and their outcomes.</summary>
public static class ActivityTypes
{
    public const string SendEmail = "SendEmail";
    public const string NotifyUsers = "NotifyUsers";
    public const string IfElse = "IfElse";
    public const string OpenRehandlingRound = "OpenRehandlingRound";
    public const string PublishReply = "PublishReply";
    public const string HttpRequest = "HttpRequest";
    public const string Log = "Log";

    /// <summary>Recipient fields shared by SendEmail and NotifyUsers.</summary>
    private static readonly string[] Recipients = ["permission", "role", "units", "users"];

    /// <summary>Type → (fields it accepts, fields it requires, outcomes).</summary>
    public static IReadOnlyDictionary<string, (string[] Fields, string[] Required, string[] Outcomes)> All { get; } =
        new Dictionary<string, (string[], string[], string[])>(StringComparer.Ordinal)
        {
            [SendEmail] = ([.. Recipients, "to", "subject", "body"], ["subject", "body"], ["Done", "NoRecipients"]),
            [NotifyUsers] = ([.. Recipients, "message", "url"], ["message"], ["Done", "NoRecipients"]),
            [IfElse] = (["condition"], ["condition"], ["True", "False"]),
            [OpenRehandlingRound] = ([], [], ["Opened", "AlreadyOpen", "NotApplicable"]),
            [PublishReply] = ([], [], ["Published", "Refused"]),
            [HttpRequest] = (["url", "body"], ["url", "body"], ["Succeeded", "Failed"]),
            [Log] = (["message", "level"], ["message"], ["Done"]),
        };

    /// <summary>Fields that are Liquid templates (checked when saved).</summary>
    public static readonly IReadOnlySet<string> TemplateFields = new HashSet<string>(StringComparer.Ordinal)
    {
        "to", "users", "units", "subject", "body", "message", "url",
    };
}
