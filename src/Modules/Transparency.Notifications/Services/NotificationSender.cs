using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Transparency.Core.Notifications;
using Transparency.Data;
using Transparency.Notifications.Models;

namespace Transparency.Notifications.Services;

/// <summary>
/// Stages notices in the current DbContext, so they are saved with the change they announce (or not at all).
/// When that context saves, the recipients' names are checked against the users table: a notice for an
/// unknown user is dropped, and a known one is filed under the name exactly as stored.
/// </summary>
public sealed class NotificationSender(TransparencyDbContext db, TimeProvider clock, ILookupNormalizer normalizer) : INotificationSender
{
    private bool _hooked;

    public void Notify(IEnumerable<string> userNames, string message, string? url)
    {
        ArgumentNullException.ThrowIfNull(userNames);
        var text = message?.Trim() ?? "";
        if (text.Length == 0)
        {
            throw new ArgumentException("A notice needs a message.", nameof(message));
        }

        if (text.Length > Notice.MessageMaxLength)
        {
            // The message may quote a user's text (e.g. a return reason); keep the notice, shortened.
            text = string.Concat(text.AsSpan(0, Notice.MessageMaxLength - 1), "…");
        }

        var link = string.IsNullOrWhiteSpace(url) ? null : url.Trim();
        if (link is not null && (!LocalPath.IsLocal(link) || link.Length > Notice.UrlMaxLength))
        {
            throw new ArgumentException(
                $"A notice's link must be a path on this site starting with '/', at most {Notice.UrlMaxLength} characters: '{url}'.", nameof(url));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var recipients = userNames
            .Where(n => !string.IsNullOrWhiteSpace(n))
            .Select(n => n.Trim())
            .DistinctBy(n => normalizer.NormalizeName(n), StringComparer.Ordinal);
        foreach (var name in recipients)
        {
            db.Set<Notice>().Add(new Notice { UserName = name, Message = text, Url = link, CreatedUtc = now });
        }

        if (!_hooked)
        {
            db.SavingChanges += ResolveRecipients;
            _hooked = true;
        }
    }

    private void ResolveRecipients(object? sender, SavingChangesEventArgs e)
    {
        var staged = db.ChangeTracker.Entries<Notice>().Where(n => n.State == EntityState.Added).ToList();
        if (staged.Count == 0)
        {
            return;
        }

        var wanted = staged.Select(n => normalizer.NormalizeName(n.Entity.UserName)).Distinct(StringComparer.Ordinal).ToList();
        // SavingChanges is synchronous; this is one small indexed read on the same connection and transaction.
        var known = db.Users.AsNoTracking()
            .Where(u => u.NormalizedUserName != null && wanted.Contains(u.NormalizedUserName))
            .Select(u => new { u.NormalizedUserName, u.UserName })
            .ToList()
            .ToDictionary(u => u.NormalizedUserName!, u => u.UserName!, StringComparer.Ordinal);
        foreach (var entry in staged)
        {
            if (known.TryGetValue(normalizer.NormalizeName(entry.Entity.UserName), out var stored))
            {
                entry.Entity.UserName = stored;
            }
            else
            {
                entry.State = EntityState.Detached;
            }
        }
    }
}
