namespace Transparency.Users.Models;

/// <summary>A staff user's membership of a unit (the unit lives in the Units module; only its id is kept here).</summary>
public sealed class UserUnit
{
    public string UserId { get; set; } = "";
    public int UnitId { get; set; }
}
