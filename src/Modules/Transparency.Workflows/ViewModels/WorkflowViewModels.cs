using Transparency.Workflows.Definitions;
using Transparency.Workflows.Models;

namespace Transparency.Workflows.ViewModels;

/// <summary>The list of workflow types with the state of the queues.</summary>
public sealed class WorkflowListViewModel
{
    public required IReadOnlyList<WorkflowType> Types { get; init; }
    public required int PendingEvents { get; init; }
    public required int FailedRuns { get; init; }
    public required int PendingMails { get; init; }
    public required int FailedMails { get; init; }
}

/// <summary>The JSON editor of one workflow type.</summary>
public sealed class WorkflowEditViewModel
{
    public int? Id { get; init; }
    public required string Json { get; init; }
    public IReadOnlyList<DefinitionError> Errors { get; init; } = [];
}

/// <summary>Runs, newest first, optionally only those of one status.</summary>
public sealed class RunListViewModel
{
    public required IReadOnlyList<WorkflowRun> Runs { get; init; }
    public RunStatus? Status { get; init; }
}

/// <summary>One run with its steps and its event.</summary>
public sealed class RunViewModel
{
    public required WorkflowRun Run { get; init; }
    public required OutboxEvent? Event { get; init; }
}

/// <summary>The e-mail queue and the events not yet processed.</summary>
public sealed class OutboxViewModel
{
    public required IReadOnlyList<OutgoingMail> Mails { get; init; }
    public required IReadOnlyList<OutboxEvent> PendingEvents { get; init; }
    public required bool SmtpConfigured { get; init; }

    /// <summary>A UTC time as China time, for the tables.</summary>
    public static string Local(DateTime? utc) => utc is { } t ? t.AddHours(8).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) : "";
}

/// <summary>Chinese names of the states shown in the tables (localized through the module's resources).</summary>
public static class StateText
{
    public static string Of(RunStatus status) => status switch
    {
        RunStatus.Pending => "待执行",
        RunStatus.Running => "执行中",
        RunStatus.Succeeded => "成功",
        _ => "失败",
    };

    public static string Of(MailStatus status) => status switch
    {
        MailStatus.Pending => "待发送",
        MailStatus.Sent => "已发送",
        _ => "发送失败",
    };

    public static string Of(OutboxStatus status) => status switch
    {
        OutboxStatus.Pending => "待处理",
        OutboxStatus.Running => "处理中",
        _ => "已处理",
    };
}
