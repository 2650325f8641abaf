using Transparency.Core.Calendar;

namespace Transparency.Calendar.Recipes;

/// <summary>One year of a <c>Holidays</c> step: every listed day of that year, holidays and adjusted working days.</summary>
public sealed record HolidayYear(int Year, IReadOnlyList<SpecialDay> Days);
