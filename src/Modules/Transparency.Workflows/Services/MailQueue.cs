using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using Transparency.Data;
using Transparency.Workflows.Models;

namespace Transparency.Workflows.Services;

/// <summary>
/// Sends queued mails through the configured SMTP server with MailKit. Each mail is taken under a lease, so one node
/// sends it; its Message-Id is its idempotency key. A failure is retried with a doubling delay; after
/// <c>Workflows:Smtp:MaxAttempts</c> it is marked failed and shown on the outbox page, where it can be retried.
/// </summary>
public sealed class MailQueue(IServiceScopeFactory scopes, WorkflowSignal signal, IOptions<WorkflowOptions> options, TimeProvider clock, ILogger<MailQueue> logger)
{
    public const int BatchSize = 20;

    /// <summary>Sends what is due; returns how many were sent.</summary>
    public async Task<int> ProcessAsync(CancellationToken ct)
    {
        var smtp = options.Value.Smtp;
        if (string.IsNullOrWhiteSpace(smtp.Host))
        {
            return 0; // no server configured: mails wait, the outbox page says so
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TransparencyDbContext>();
        var now = Now();
        var ids = await db.Set<OutgoingMail>().AsNoTracking()
            .Where(m => m.Status == MailStatus.Pending && m.NextAttemptUtc <= now && (m.LeaseExpiresUtc == null || m.LeaseExpiresUtc < now))
            .OrderBy(m => m.Id).Select(m => m.Id).Take(BatchSize).ToListAsync(ct);
        var sent = 0;
        using var client = new SmtpClient();
        foreach (var id in ids)
        {
            var until = now.AddSeconds(Math.Clamp(options.Value.LeaseSeconds, 1, 3600));
            var claimed = await db.Set<OutgoingMail>()
                .Where(m => m.Id == id && m.Status == MailStatus.Pending && (m.LeaseExpiresUtc == null || m.LeaseExpiresUtc < now))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LeaseHolder, signal.Node).SetProperty(m => m.LeaseExpiresUtc, until), ct) == 1;
            if (!claimed)
            {
                continue;
            }

            var mail = await db.Set<OutgoingMail>().AsNoTracking().FirstAsync(m => m.Id == id, ct);
            try
            {
                if (!client.IsConnected)
                {
                    await client.ConnectAsync(smtp.Host, smtp.Port, Security(smtp.Security), ct);
                    if (!string.IsNullOrEmpty(smtp.UserName))
                    {
                        await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", ct);
                    }
                }

                await client.SendAsync(Message(mail, smtp), ct);
                var at = Now();
                await db.Set<OutgoingMail>().Where(m => m.Id == id).ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.Status, MailStatus.Sent)
                    .SetProperty(m => m.SentUtc, at)
                    .SetProperty(m => m.Attempts, m => m.Attempts + 1)
                    .SetProperty(m => m.LastError, (string?)null)
                    .SetProperty(m => m.LeaseExpiresUtc, (DateTime?)null), CancellationToken.None);
                sent++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Sending mail {Id} to {To} failed", id, mail.To);
                var attempts = mail.Attempts + 1;
                var failed = attempts >= Math.Max(1, smtp.MaxAttempts);
                var next = Now().AddSeconds(Math.Min(3600, Math.Max(1, smtp.BackoffSeconds) * Math.Pow(2, attempts - 1)));
                var error = e.Message.Length > 2000 ? e.Message[..2000] : e.Message;
                await db.Set<OutgoingMail>().Where(m => m.Id == id).ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.Attempts, attempts)
                    .SetProperty(m => m.Status, failed ? MailStatus.Failed : MailStatus.Pending)
                    .SetProperty(m => m.NextAttemptUtc, next)
                    .SetProperty(m => m.LastError, error)
                    .SetProperty(m => m.LeaseExpiresUtc, (DateTime?)null), CancellationToken.None);
                if (client.IsConnected)
                {
                    await client.DisconnectAsync(true, CancellationToken.None);
                }
            }
        }

        if (client.IsConnected)
        {
            await client.DisconnectAsync(true, ct);
        }

        return sent;
    }

    private static MimeMessage Message(OutgoingMail mail, SmtpOptions smtp)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.TryParse(smtp.From, out var from) ? from : new MailboxAddress("建议提案办理平台", "noreply@example.gov.cn"));
        message.To.Add(MailboxAddress.Parse(mail.To));
        message.Subject = mail.Subject;
        message.MessageId = mail.MessageId;
        message.Headers.Add("X-Idempotency-Key", mail.IdempotencyKey);
        message.Body = new TextPart("plain") { Text = mail.Body };
        return message;
    }

    private static SecureSocketOptions Security(string value)
        => Enum.TryParse<SecureSocketOptions>(value, ignoreCase: true, out var parsed) ? parsed : SecureSocketOptions.StartTlsWhenAvailable;

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}
