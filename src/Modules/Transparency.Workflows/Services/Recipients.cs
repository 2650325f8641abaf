using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Transparency.Core.Units;
using Transparency.Data;
using Transparency.Workflows.Definitions;

namespace Transparency.Workflows.Services;

/// <summary>
/// Whom a NotifyUsers or SendEmail activity addresses among staff users: the names in <c>users</c>, plus the users whose
/// roles grant <c>permission</c> or who have the role <c>role</c> — limited to members of <c>units</c> when given (a
/// Liquid template yielding unit ids, e.g. <c>{{ event.unitId }}</c>); only <c>units</c> means every member of them.
/// </summary>
public sealed class Recipients(TransparencyDbContext db, IUserDirectory users)
{
    public async Task<IReadOnlyList<string>> UserNamesAsync(ActivityDefinition activity, IReadOnlyDictionary<string, object?> model, CancellationToken ct)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        if (activity.Field("users") is { } template)
        {
            names.UnionWith(Split(LiquidTemplates.Render(template, model)));
        }

        var units = activity.Field("units") is { } unitTemplate
            ? Split(LiquidTemplates.Render(unitTemplate, model))
                .Select(u => int.TryParse(u, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : 0).Where(id => id > 0).ToList()
            : null;
        HashSet<string>? byRole = null;
        if (activity.Field("permission") is { } permission)
        {
            byRole = [.. await users.UserNamesWithPermissionAsync(permission, ct)];
        }

        if (activity.Field("role") is { } role)
        {
            var roleId = await db.Roles.Where(r => r.Name == role).Select(r => r.Id).FirstOrDefaultAsync(ct);
            var ids = db.UserRoles.Where(ur => ur.RoleId == roleId).Select(ur => ur.UserId);
            var inRole = await db.Users.Where(u => ids.Contains(u.Id)).Select(u => u.UserName!).ToListAsync(ct);
            byRole = byRole is null ? [.. inRole] : [.. byRole.Intersect(inRole)];
        }

        if (units is not null)
        {
            var members = units.Count == 0 ? [] : await users.UserNamesInUnitsAsync(units, ct);
            names.UnionWith(byRole is null ? members : byRole.Intersect(members));
        }
        else if (byRole is not null)
        {
            names.UnionWith(byRole);
        }

        return names.Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The e-mail addresses of these users (users without one are left out).</summary>
    public async Task<IReadOnlyList<string>> EmailsAsync(IReadOnlyList<string> userNames, CancellationToken ct)
        => userNames.Count == 0 ? [] : await db.Users.Where(u => userNames.Contains(u.UserName!) && u.Email != null && u.Email != "")
            .Select(u => u.Email!).ToListAsync(ct);

    public static IEnumerable<string> Split(string text)
        => text.Split([',', ';', '，', '；', '\n', '\r', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
