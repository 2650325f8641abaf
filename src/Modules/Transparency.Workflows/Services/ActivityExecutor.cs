using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using Transparency.Core.Notifications;
using Transparency.Core.Workflows;
using Transparency.Data;
using Transparency.Workflows.Definitions;
using Transparency.Workflows.Models;

namespace Transparency.Workflows.Services;

/// <summary>What an activity did: the outcome that picks the next activity, and a line for the run's record.</summary>
public sealed record ActivityResult(string Outcome, string? Detail);

/// <summary>What an activity runs with.</summary>
/// <param name="Run">The run (saved, so it has an id).</param>
/// <param name="Values">The event's values.</param>
/// <param name="Model">The Liquid model: <c>event</c>, <c>workflow</c>, <c>site_url</c>.</param>
/// <param name="KeepLease">Renews the lease on the outbox event; false when another node took it over.</param>
public sealed record ActivityContext(
    WorkflowRun Run, IReadOnlyDictionary<string, string?> Values, IReadOnlyDictionary<string, object?> Model, Func<Task<bool>> KeepLease)
{
    /// <summary>The idempotency key of an activity of this run: the same on every attempt and every node.</summary>
    public string Key(ActivityDefinition activity) => string.Create(CultureInfo.InvariantCulture, $"wf-{Run.OutboxEventId}-{Run.Id}-{activity.Id}");

    public int? Number(string name)
        => Values.TryGetValue(name, out var text) && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;
}

/// <summary>
/// Runs one activity. Whatever it changes in the database (notices, queued mails, a re-handling round) is staged in the
/// run's DbContext and saved by <see cref="WorkflowEngine"/> together with the step record, so it happens once. An
/// HTTP request leaves the process: it carries the activity's idempotency key so the receiver can drop a repeat.
/// </summary>
public sealed class ActivityExecutor(
    TransparencyDbContext db,
    Recipients recipients,
    INotificationSender notifications,
    IServiceProvider services,
    IHttpClientFactory httpClients,
    IOptions<WorkflowOptions> options,
    ILogger<ActivityExecutor> logger,
    TimeProvider clock)
{
    public const string HttpClientName = "Transparency.Workflows";

    public async Task<ActivityResult> ExecuteAsync(ActivityDefinition activity, ActivityContext context, CancellationToken ct) => activity.Type switch
    {
        ActivityTypes.SendEmail => await SendEmailAsync(activity, context, ct),
        ActivityTypes.NotifyUsers => await NotifyAsync(activity, context, ct),
        ActivityTypes.IfElse => new ActivityResult(LiquidTemplates.Evaluate(activity.Field("condition")!, context.Model) ? "True" : "False", null),
        ActivityTypes.OpenRehandlingRound => await OpenRehandlingAsync(context, ct),
        ActivityTypes.PublishReply => await PublishAsync(context, ct),
        ActivityTypes.HttpRequest => await HttpAsync(activity, context, ct),
        ActivityTypes.Log => Log(activity, context),
        _ => throw new InvalidOperationException($"未知活动类型“{activity.Type}”。"),
    };

    private async Task<ActivityResult> NotifyAsync(ActivityDefinition activity, ActivityContext context, CancellationToken ct)
    {
        var names = await recipients.UserNamesAsync(activity, context.Model, ct);
        if (names.Count == 0)
        {
            return new ActivityResult("NoRecipients", "没有符合条件的接收人。");
        }

        var message = LiquidTemplates.Render(activity.Field("message")!, context.Model).Trim();
        var url = activity.Field("url") is { } template ? LiquidTemplates.Render(template, context.Model).Trim() : null;
        notifications.Notify(names, message, string.IsNullOrEmpty(url) ? null : url);
        return new ActivityResult("Done", $"站内通知：{string.Join("、", names)}");
    }

    private async Task<ActivityResult> SendEmailAsync(ActivityDefinition activity, ActivityContext context, CancellationToken ct)
    {
        var mails = new List<(string Address, IReadOnlyDictionary<string, object?> Model)>();
        var addresses = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        void Add(string address, IReadOnlyDictionary<string, object?> model)
        {
            if (MailboxAddress.TryParse(address, out var parsed) && parsed.Address.Contains('@', StringComparison.Ordinal) && addresses.Add(parsed.Address))
            {
                mails.Add((parsed.Address, model));
            }
        }

        if (activity.Field("to") is { } to)
        {
            foreach (var address in Recipients.Split(LiquidTemplates.Render(to, context.Model)))
            {
                Add(address, context.Model);
            }
        }

        var names = await recipients.UserNamesAsync(activity, context.Model, ct);
        foreach (var address in await recipients.EmailsAsync(names, ct))
        {
            Add(address, context.Model);
        }

        if (activity.Representatives && context.Number("proposalId") is { } proposalId)
        {
            var round = context.Number("round") ?? 1;
            var links = services.GetService<IInvitationLinks>();
            foreach (var representative in await (services.GetService<IRepresentativeEmails>()?.OfProposalAsync(proposalId, ct) ?? Task.FromResult<IReadOnlyList<RepresentativeEmail>>([])))
            {
                var path = links is null ? null : await links.PathAsync(proposalId, representative.Id, round, ct);
                var model = new Dictionary<string, object?>(context.Model)
                {
                    ["recipient"] = new Dictionary<string, object?>
                    {
                        ["name"] = representative.Name,
                        ["email"] = representative.Email,
                        ["link"] = path is null ? "" : options.Value.SiteUrl.TrimEnd('/') + path,
                    },
                };
                Add(representative.Email, model);
            }
        }

        if (mails.Count == 0)
        {
            return new ActivityResult("NoRecipients", "没有符合条件的收件人（或收件人没有电子邮箱）。");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (address, model) in mails)
        {
            var subject = OneLine(LiquidTemplates.Render(activity.Field("subject")!, model));
            db.Add(new OutgoingMail
            {
                IdempotencyKey = $"{context.Key(activity)}-{Hash(address)}",
                RunId = context.Run.Id,
                To = address,
                Subject = subject.Length > 500 ? subject[..500] : subject,
                Body = LiquidTemplates.Render(activity.Field("body")!, model),
                Status = MailStatus.Pending,
                NextAttemptUtc = now,
                CreatedUtc = now,
            });
        }

        return new ActivityResult("Done", $"邮件已排队：{string.Join("、", mails.Select(m => m.Address))}");
    }

    private async Task<ActivityResult> OpenRehandlingAsync(ActivityContext context, CancellationToken ct)
    {
        var opener = services.GetService<IRehandlingOpener>() ?? throw new InvalidOperationException("满意度测评模块未启用，不能启动重新办理。");
        var ratingId = context.Number("ratingId") ?? throw new InvalidOperationException("事件没有 ratingId，只有 FeedbackReceived 事件可以启动重新办理。");
        var result = await opener.OpenAsync(ratingId, $"工作流程：{context.Run.WorkflowName}", ct);
        return new ActivityResult(result.ToString(), result switch
        {
            RehandlingResult.Opened => "已启动重新办理。",
            RehandlingResult.AlreadyOpen => "该评价对应的重新办理已经启动。",
            _ => "该评价不是本轮的不满意评价，无需重新办理。",
        });
    }

    private async Task<ActivityResult> PublishAsync(ActivityContext context, CancellationToken ct)
    {
        var publisher = services.GetService<IReplyAutoPublisher>() ?? throw new InvalidOperationException("答复模块未启用，不能公开答复。");
        var replyId = context.Number("replyId") ?? throw new InvalidOperationException("事件没有 replyId，不能公开答复。");
        var refused = await publisher.PublishAsync(replyId, $"工作流程：{context.Run.WorkflowName}", ct);
        return refused is null ? new ActivityResult("Published", "答复已公开。") : new ActivityResult("Refused", refused);
    }

    private async Task<ActivityResult> HttpAsync(ActivityDefinition activity, ActivityContext context, CancellationToken ct)
    {
        var url = LiquidTemplates.Render(activity.Field("url")!, context.Model).Trim();
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new InvalidOperationException($"HttpRequest 的地址“{url}”不是 http(s) 地址。");
        }

        var body = LiquidTemplates.Render(activity.Field("body")!, context.Model);
        try
        {
            using var _ = JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"HttpRequest 的请求正文不是有效的JSON：{e.Message}", e);
        }

        var settings = options.Value;
        var attempts = Math.Clamp(settings.HttpMaxAttempts, 1, 10);
        var log = new StringBuilder();
        var client = httpClients.CreateClient(HttpClientName);
        for (var attempt = 1; attempt <= attempts; attempt++)
        {
            if (!await context.KeepLease())
            {
                throw new LeaseLostException();
            }

            using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.Add("Idempotency-Key", context.Key(activity));
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(Math.Clamp(settings.HttpTimeoutSeconds, 1, 600)));
            try
            {
                using var response = await client.SendAsync(request, timeout.Token);
                var text = await response.Content.ReadAsStringAsync(timeout.Token);
                log.Append(CultureInfo.InvariantCulture, $"第{attempt}次：HTTP {(int)response.StatusCode} {Shorten(text, 500)}\n");
                if (response.IsSuccessStatusCode)
                {
                    return new ActivityResult("Succeeded", Shorten(log.ToString(), 3900));
                }
            }
            catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !ct.IsCancellationRequested))
            {
                log.Append(CultureInfo.InvariantCulture, $"第{attempt}次：{e.Message}\n");
            }

            if (attempt < attempts)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Max(0, settings.HttpBackoffMilliseconds) * Math.Pow(2, attempt - 1)), clock, ct);
            }
        }

        if (!activity.Next.ContainsKey("Failed"))
        {
            // Nothing handles the failure: the run fails, and can be retried from its record once the platform answers.
            throw new InvalidOperationException($"向 {uri} 发送请求{attempts}次均未成功：{Shorten(log.ToString(), 1500)}");
        }

        return new ActivityResult("Failed", Shorten(log.ToString(), 3900));
    }

    private ActivityResult Log(ActivityDefinition activity, ActivityContext context)
    {
        var message = LiquidTemplates.Render(activity.Field("message")!, context.Model);
        var level = Enum.TryParse<LogLevel>(activity.Field("level") ?? "Information", out var parsed) ? parsed : LogLevel.Information;
#pragma warning disable CA2254 // the level is the workflow's choice; the message is a structured template with the run's fields
        logger.Log(level, "Workflow {Workflow} run {Run}: {Message}", context.Run.WorkflowName, context.Run.Id, message);
#pragma warning restore CA2254
        return new ActivityResult("Done", Shorten(message, 3900));
    }

    private static string Hash(string address)
        => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(address.ToUpperInvariant())))[..16];

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim();

    private static string Shorten(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}

/// <summary>Another node took the outbox event over (this node was too slow to renew its lease): stop without recording anything.</summary>
public sealed class LeaseLostException : Exception
{
    public LeaseLostException() : base("The lease on the outbox event was lost.")
    {
    }

    public LeaseLostException(string message) : base(message)
    {
    }

    public LeaseLostException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
