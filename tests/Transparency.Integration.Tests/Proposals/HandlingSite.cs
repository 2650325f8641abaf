using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Transparency.AuditTrail.Models;
using Transparency.Core.Calendar;
using Transparency.Data;
using Transparency.Integration.Tests.Infrastructure;
using Transparency.Proposals.Models;
using Transparency.Units.Models;
using Transparency.Users.Services;

namespace Transparency.Integration.Tests.Proposals;

/// <summary>
/// A site without the demo data but with its own small world for the handling tests: five internal units
/// (甲处 lead, 乙处 and 戊处 co, 丙处 unrelated, 丁处 for reassignment), a drafter in each, a coordinator, two
/// sessions and two representatives. Attachments go to a temporary folder.
/// </summary>
public abstract class HandlingSite(DatabaseKind kind) : SiteFixture(kind), IAsyncLifetime
{
    public const string Password = "Handling#Test2026";

    private readonly Lock _gate = new();
    private Task<HandlingWorld>? _world;
    private int _numbers;

    public string AttachmentsPath { get; } = Path.Combine(Path.GetTempPath(), $"transparency-attachments-{Guid.NewGuid():N}");

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Attachments:Path"] = AttachmentsPath,
    };

    /// <summary>Today in China, as the site counts it.</summary>
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(AttachmentsPath))
        {
            Directory.Delete(AttachmentsPath, recursive: true);
        }
    }

    /// <summary>The world, created on first use.</summary>
    public Task<HandlingWorld> WorldAsync()
    {
        lock (_gate)
        {
            return _world ??= CreateWorldAsync();
        }
    }

    /// <summary>A client signed in as <paramref name="userName"/>.</summary>
    public async Task<SiteClient> SignInAsync(string userName)
    {
        var client = Factory.CreateSiteClient();
        var response = await client.SignInAsync(userName, Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>An assigned proposal with the given assignments (all dated <paramref name="assignedOn"/>); returns its id and assignment ids by unit.</summary>
    public async Task<(int Id, IReadOnlyDictionary<int, int> Assignments)> CreateProposalAsync(
        DateOnly assignedOn, IEnumerable<(int UnitId, HandlingRole Role)> assignments, bool otherSession = false)
    {
        var world = await WorldAsync();
        using var scope = Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TransparencyDbContext>();
        var calendar = scope.ServiceProvider.GetRequiredService<IWorkingDayCalendar>();
        var number = Interlocked.Increment(ref _numbers).ToString("D4", CultureInfo.InvariantCulture);
        var proposal = new Proposal
        {
            SessionId = otherSession ? world.OtherSessionId : world.SessionId,
            Kind = ProposalKind.Suggestion,
            Number = number,
            Title = $"关于加强背街小巷环境整治的建议（测试{number}）",
            Body = "建议加大背街小巷保洁力度。",
            ReceivedOn = assignedOn.AddDays(-10),
            Status = ProposalStatus.Assigned,
            CreatedUtc = DateTime.UtcNow,
            Representatives = [new ProposalRepresentative { RepresentativeId = world.RepresentativeIds[0], Position = 0 }, new ProposalRepresentative { RepresentativeId = world.RepresentativeIds[1], Position = 1 }],
        };
        foreach (var (unitId, role) in assignments)
        {
            var due = (await calendar.AddMonthsAsync(assignedOn, role == HandlingRole.Co ? 1 : 3)).Due;
            proposal.Assignments.Add(new Assignment
            {
                UnitId = unitId,
                Role = role,
                AssignedOn = assignedOn,
                RuleDueOn = due,
                DueOn = due,
                Status = AssignmentStatus.Active,
            });
        }

        db.Add(proposal);
        await db.SaveChangesAsync();
        return (proposal.Id, proposal.Assignments.ToDictionary(a => a.UnitId, a => a.Id));
    }

    /// <summary>The proposal's audit events, oldest first.</summary>
    public async Task<List<AuditEvent>> AuditAsync(int proposalId)
    {
        using var scope = Factory.Services.CreateScope();
        var subject = Proposal.SubjectId(proposalId);
        return await scope.ServiceProvider.GetRequiredService<TransparencyDbContext>().Set<AuditEvent>()
            .Where(e => e.SubjectId == subject).OrderBy(e => e.Id).ToListAsync();
    }

    /// <summary>Runs a query on a fresh DbContext.</summary>
    public async Task<T> QueryAsync<T>(Func<TransparencyDbContext, Task<T>> query)
    {
        using var scope = Factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<TransparencyDbContext>());
    }

    private async Task<HandlingWorld> CreateWorldAsync()
    {
        using var scope = Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TransparencyDbContext>();
        var units = new[] { "甲处", "乙处", "丙处", "丁处", "戊处" }
            .Select(n => new Unit { Name = $"测试局{n}", ShortName = n, IsInternal = true })
            .ToList();
        db.AddRange(units);
        var session = new Session { Name = "测试市人大一次会议", Year = 2020, Kind = SessionKind.Npc };
        var other = new Session { Name = "测试市政协一次会议", Year = 2020, Kind = SessionKind.Cppcc };
        var representatives = new[] { "张丽萍", "王建国" }
            .Select(n => new Representative { Name = n, Kind = RepresentativeKind.Deputy, Delegation = "测试代表团" })
            .ToList();
        db.AddRange(session, other);
        db.AddRange(representatives);
        await db.SaveChangesAsync();

        var users = scope.ServiceProvider.GetRequiredService<UserAdminService>();
        foreach (var (name, display, role, unit) in new[]
        {
            ("lead", "甲处承办人", "Drafter", (int?)units[0].Id),
            ("co", "乙处承办人", "Drafter", units[1].Id),
            ("other", "丙处承办人", "Drafter", units[2].Id),
            ("newlead", "丁处承办人", "Drafter", units[3].Id),
            ("co2", "戊处承办人", "Drafter", units[4].Id),
            ("coord", "督办员", "Coordinator", null),
        })
        {
            var result = await users.SaveAsync(null, new UserChange(name, display, null, Password, [role], unit is { } u ? [u] : []));
            Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        }

        return new HandlingWorld(
            units[0].Id, units[1].Id, units[2].Id, units[3].Id, units[4].Id,
            session.Id, other.Id, representatives.Select(r => r.Id).ToList());
    }
}

/// <summary>Ids of the handling tests' world.</summary>
public sealed record HandlingWorld(
    int LeadUnit,
    int CoUnit,
    int OtherUnit,
    int NewUnit,
    int SecondCoUnit,
    int SessionId,
    int OtherSessionId,
    IReadOnlyList<int> RepresentativeIds);

public sealed class HandlingSqliteSite() : HandlingSite(DatabaseKind.Sqlite);

public sealed class HandlingPostgreSqlSite() : HandlingSite(DatabaseKind.PostgreSql);
