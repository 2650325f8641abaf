using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Transparency.Calendar.Models;
using Transparency.Calendar.Recipes;
using Transparency.Calendar.Services;
using Transparency.Core.Calendar;
using Transparency.Core.Modules;
using Transparency.Core.Navigation;
using Transparency.Core.Recipes;
using Transparency.Core.Security;

namespace Transparency.Calendar;

public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<IWorkingDayCalendar, WorkingDayCalendar>();
        services.AddRecipeStep<HolidaysStep>();
    }

    public override void ConfigureModel(ModelBuilder modelBuilder)
    {
        var e = modelBuilder.Entity<CalendarDay>();
        e.ToTable("calendar_days");
        e.HasKey(x => x.Date);
        e.Property(x => x.Date).ValueGeneratedNever();
        e.Property(x => x.Name).HasMaxLength(CalendarDay.NameMaxLength);
    }

    public override IEnumerable<Permission> GetPermissions() => CalendarPermissions.All;

    public override void BuildAdminMenu(AdminMenuBuilder menu)
        => menu.Add("系统管理", "工作日历", "/admin/calendar", CalendarPermissions.Manage, order: 75);
}
