using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Transparency.Calendar.Models;
using Transparency.Core.Audit;
using Transparency.Core.Recipes;
using Transparency.Data;

namespace Transparency.Calendar.Recipes;

/// <summary>
/// <c>{ "name": "Holidays", "years": [ { "year": 2020, "holidays": [ { "name": "元旦", "from": "2020-01-01", "to": "2020-01-01" } ],
/// "workdays": [ { "name": "春节调休", "date": "2020-01-19" } ] } ] }</c>.
/// Each listed year is replaced as a whole: its days become exactly those listed, so a corrected year can be
/// imported again. Years not listed are left alone. The whole step is checked before anything is written.
/// </summary>
public sealed class HolidaysStep(TransparencyDbContext db, IAuditTrail audit) : IRecipeStep
{
    public string Name => "Holidays";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        foreach (var year in HolidaysStepReader.Read(context.Data))
        {
            var first = new DateOnly(year.Year, 1, 1);
            var last = new DateOnly(year.Year, 12, 31);
            var existing = await db.Set<CalendarDay>()
                .Where(d => d.Date >= first && d.Date <= last)
                .ToDictionaryAsync(d => d.Date, cancellationToken);
            var wanted = year.Days.Select(d => d.Date).ToHashSet();
            db.RemoveRange(existing.Values.Where(d => !wanted.Contains(d.Date)));
            foreach (var day in year.Days)
            {
                if (!existing.TryGetValue(day.Date, out var row))
                {
                    row = new CalendarDay { Date = day.Date };
                    db.Add(row);
                }

                row.IsHoliday = day.IsHoliday;
                row.Name = day.Name;
            }

            var text = year.Year.ToString(CultureInfo.InvariantCulture);
            audit.Record(new AuditEntry("Calendar", "Imported", text,
                $"导入 {text} 年节假日安排：放假 {year.Days.Count(d => d.IsHoliday)} 天，调休上班 {year.Days.Count(d => !d.IsHoliday)} 天（配置方案 {context.RecipeName}）"));
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
