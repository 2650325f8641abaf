namespace Transparency.Proposals.Services;

/// <summary>Deadlines are calendar dates in China (UTC+8, no daylight saving), whatever the server's zone.</summary>
public static class ChinaClock
{
    private static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(Offset).DateTime);
}
