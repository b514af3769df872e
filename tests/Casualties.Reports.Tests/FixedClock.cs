namespace Casualties.Reports.Tests;

/// <summary>A clock that always says the same time, so two renderings can be compared byte for byte.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public static readonly FixedClock Default = new(new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero));

    public override DateTimeOffset GetUtcNow() => now;
}
