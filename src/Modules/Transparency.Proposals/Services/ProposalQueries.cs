using Transparency.Proposals.Models;
using Transparency.Proposals.ViewModels;

namespace Transparency.Proposals.Services;

/// <summary>The staff list's filters, applied to an already unit-scoped query.</summary>
public static class ProposalQueries
{
    private static readonly ProposalStatus[] Open = [ProposalStatus.Assigned, ProposalStatus.InProgress, ProposalStatus.Rehandling];

    public static IQueryable<Proposal> Filter(IQueryable<Proposal> query, ProposalFilter f, DateOnly today)
    {
        if (f.SessionId is { } session)
        {
            query = query.Where(p => p.SessionId == session);
        }

        if (f.Kind is { } kind)
        {
            query = query.Where(p => p.Kind == kind);
        }

        if (f.CategoryId is { } category)
        {
            query = query.Where(p => p.CategoryId == category);
        }

        if (f.Status is { } status)
        {
            query = query.Where(p => p.Status == status);
        }

        if (f.Key is { } key)
        {
            query = query.Where(p => p.IsKey == key);
        }

        if (f.UnitId is { } unit)
        {
            query = f.Role is { } role
                ? query.Where(p => p.Assignments.Any(a => a.UnitId == unit && a.Role == role && a.Status != AssignmentStatus.Replaced))
                : query.Where(p => p.Assignments.Any(a => a.UnitId == unit && a.Status != AssignmentStatus.Replaced));
        }
        else if (f.Role is { } role)
        {
            query = query.Where(p => p.Assignments.Any(a => a.Role == role && a.Status != AssignmentStatus.Replaced));
        }

        if (f.Due == "overdue")
        {
            query = query.Where(p => Open.Contains(p.Status) && p.Assignments.Any(a => a.Role != HandlingRole.Co && a.Status == AssignmentStatus.Active && a.DueOn < today));
        }
        else if (f.Due == "due-soon")
        {
            var soon = today.AddDays(7);
            query = query.Where(p => Open.Contains(p.Status) && p.Assignments.Any(a => a.Role != HandlingRole.Co && a.Status == AssignmentStatus.Active && a.DueOn >= today && a.DueOn <= soon));
        }

        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            var q = f.Q.Trim();
            query = query.Where(p => p.Title.Contains(q) || p.Number.Contains(q) || p.Representatives.Any(r => r.Representative.Name == q));
        }

        return query;
    }
}
