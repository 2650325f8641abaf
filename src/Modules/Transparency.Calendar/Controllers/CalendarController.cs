using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Transparency.Calendar.Models;
using Transparency.Calendar.Recipes;
using Transparency.Calendar.Services;
using Transparency.Calendar.ViewModels;
using Transparency.Core.Audit;
using Transparency.Core.Calendar;
using Transparency.Core.Hosting;
using Transparency.Core.Security;
using Transparency.Data;

namespace Transparency.Calendar.Controllers;

[Admin]
[Route("admin/calendar")]
[RequirePermission(CalendarPermissions.Manage)]
public sealed class CalendarController(TransparencyDbContext db, IWorkingDayCalendar calendar, IAuditTrail audit, TimeProvider clock) : Controller
{
    private const int MaxMonths = 120;

    /// <summary>The year's listed days; with <paramref name="start"/> and <paramref name="months"/>, the calculator's answer too.</summary>
    [HttpGet("")]
    public async Task<IActionResult> Index(string? year, string? start, string? months)
    {
        var selected = Today().Year;
        if (!string.IsNullOrWhiteSpace(year) && !TryYear(year, out selected))
        {
            ModelState.AddModelError("year", $"年份：须为 {HolidaysStepReader.MinYear} 至 {HolidaysStepReader.MaxYear} 之间的整数。");
            selected = Today().Year;
        }

        var deadline = start is null && months is null ? null : await CalculateAsync(start, months);
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return View(await PageAsync(selected, new CalendarDayInput(), start, months, deadline));
    }

    [HttpPost("add")]
    public async Task<IActionResult> Add(CalendarDayInput input)
    {
        var (date, isHoliday, name) = await CheckAsync(input);
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            var year = date.Year is >= HolidaysStepReader.MinYear and <= HolidaysStepReader.MaxYear ? date.Year : Today().Year;
            return View(nameof(Index), await PageAsync(year, input, null, null, null));
        }

        db.Add(new CalendarDay { Date = date, IsHoliday = isHoliday, Name = name });
        audit.Record(new AuditEntry("Calendar", "Added", IsoDate.ToText(date), $"工作日历添加 {IsoDate.ToText(date)}：{Kind(isHoliday)}（{name}）"));
        await db.SaveChangesAsync();
        TempData["Message"] = "已添加。";
        return RedirectToAction(nameof(Index), new { year = date.Year });
    }

    [HttpPost("{date}/delete")]
    public async Task<IActionResult> Delete(string date)
    {
        if (!IsoDate.TryParse(date, out var day))
        {
            return BadRequest("日期：请按 yyyy-MM-dd 填写。");
        }

        var row = await db.Set<CalendarDay>().FirstOrDefaultAsync(d => d.Date == day);
        if (row is null)
        {
            return NotFound();
        }

        db.Remove(row);
        audit.Record(new AuditEntry("Calendar", "Removed", IsoDate.ToText(day), $"工作日历删除 {IsoDate.ToText(day)}：{Kind(row.IsHoliday)}（{row.Name}）"));
        await db.SaveChangesAsync();
        TempData["Message"] = "已删除。";
        return RedirectToAction(nameof(Index), new { year = day.Year });
    }

    private async Task<(DateOnly Date, bool IsHoliday, string Name)> CheckAsync(CalendarDayInput input)
    {
        var dateOk = IsoDate.TryParse(input.Date, out var date);
        if (!dateOk)
        {
            ModelState.AddModelError(nameof(input.Date), "日期：请按 yyyy-MM-dd 填写，例如 2024-10-01。");
        }
        else if (date.Year is < HolidaysStepReader.MinYear or > HolidaysStepReader.MaxYear)
        {
            ModelState.AddModelError(nameof(input.Date), $"日期：年份须在 {HolidaysStepReader.MinYear} 至 {HolidaysStepReader.MaxYear} 之间。");
        }
        else if (await db.Set<CalendarDay>().AsNoTracking().FirstOrDefaultAsync(d => d.Date == date) is { } existing)
        {
            ModelState.AddModelError(nameof(input.Date), $"日期：{IsoDate.ToText(date)} 已在工作日历中（{existing.Name}），请先删除再添加。");
        }

        bool? isHoliday = input.Kind switch { CalendarDayInput.Holiday => true, CalendarDayInput.Workday => false, _ => null };
        if (isHoliday is null)
        {
            ModelState.AddModelError(nameof(input.Kind), "类型：请选择“放假”或“调休上班”。");
        }
        else if (isHoliday == false && dateOk && !WorkingDayMath.IsWeekend(date))
        {
            ModelState.AddModelError(nameof(input.Date), $"日期：{IsoDate.ToText(date)} 是{CalendarFormat.Weekday(date)}，调休上班日应为周六或周日。");
        }

        var name = input.Name?.Trim() ?? "";
        if (name.Length == 0)
        {
            ModelState.AddModelError(nameof(input.Name), "名称：请填写，例如 春节、国庆节调休。");
        }
        else if (name.Length > CalendarDay.NameMaxLength)
        {
            ModelState.AddModelError(nameof(input.Name), $"名称：不能超过 {CalendarDay.NameMaxLength} 个字符。");
        }

        return (date, isHoliday ?? false, name);
    }

    private async Task<DeadlineComputation?> CalculateAsync(string? start, string? months)
    {
        var startOk = IsoDate.TryParse(start, out var from) && from.Year is >= HolidaysStepReader.MinYear and <= HolidaysStepReader.MaxYear;
        if (!startOk)
        {
            ModelState.AddModelError("start", "计算器起始日期：请按 yyyy-MM-dd 填写 2000 至 2100 年间的日期，例如 2024-03-15。");
        }

        var monthsOk = int.TryParse(months?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count <= MaxMonths;
        if (!monthsOk)
        {
            ModelState.AddModelError("months", $"计算器月数：须为 0 至 {MaxMonths} 之间的整数。");
        }

        return startOk && monthsOk ? await calendar.AddMonthsAsync(from, count, HttpContext.RequestAborted) : null;
    }

    private async Task<CalendarPageViewModel> PageAsync(int year, CalendarDayInput input, string? start, string? months, DeadlineComputation? deadline)
        => new()
        {
            Year = year,
            Days = await calendar.SpecialDaysAsync(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), HttpContext.RequestAborted),
            Input = input,
            Start = start,
            Months = months,
            Deadline = deadline,
        };

    private static bool TryYear(string text, out int year)
        => int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out year)
           && year is >= HolidaysStepReader.MinYear and <= HolidaysStepReader.MaxYear;

    private static string Kind(bool isHoliday) => isHoliday ? "放假" : "调休上班";

    // The calendar is China's: "today" is the date in UTC+8 whatever the server's time zone.
    private DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);
}
