namespace Casualties.Postgres.Reconciliation;

/// <summary>Time spent per named phase of a run, summed over batches (diagnostics for the benchmark and logs).</summary>
public sealed class PhaseTimes(TimeProvider clock)
{
    private readonly Dictionary<string, TimeSpan> spent = new(StringComparer.Ordinal);
    private long mark = clock.GetTimestamp();

    /// <summary>Adds the time since the previous mark to <paramref name="phase"/> and starts the next.</summary>
    public void Lap(string phase)
    {
        var now = clock.GetTimestamp();
        spent[phase] = spent.GetValueOrDefault(phase) + clock.GetElapsedTime(mark, now);
        mark = now;
    }

    public IReadOnlyDictionary<string, TimeSpan> Spent => spent;
}
