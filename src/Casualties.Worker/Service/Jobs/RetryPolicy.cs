namespace Casualties.Worker.Service.Jobs;

/// <summary>Exponential backoff with jitter: base × 2^(attempt−1), capped, then scaled by a random factor in [0.5, 1].</summary>
public static class RetryPolicy
{
    /// <summary>
    /// The wait before the retry that follows failed attempt <paramref name="attempt"/> (1 or more; less throws):
    /// between half and all of min(<paramref name="baseDelay"/> × 2^(attempt−1), <paramref name="maxDelay"/>).
    /// </summary>
    public static TimeSpan Delay(int attempt, TimeSpan baseDelay, TimeSpan maxDelay, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        var exponential = baseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 30));
        var capped = Math.Min(exponential, maxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (0.5 + random.NextDouble() * 0.5));
    }
}
