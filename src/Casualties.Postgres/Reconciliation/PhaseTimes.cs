namespace Casualties.Postgres.Reconciliation;

/// <summary>
/// Time spent per named phase of a run, summed over batches: elapsed time, and the CPU time of this whole
/// process meanwhile (diagnostics for the benchmark; CPU above elapsed means work ran in parallel).
/// </summary>
public sealed class PhaseTimes(TimeProvider clock)
{
    private readonly Dictionary<string, (TimeSpan Elapsed, TimeSpan Cpu)> spent = new(StringComparer.Ordinal);
    private long mark = clock.GetTimestamp();
    private TimeSpan cpuMark = Environment.CpuUsage.TotalTime;

    /// <summary>Adds the time since the previous mark to <paramref name="phase"/> and starts the next.</summary>
    public void Lap(string phase)
    {
        var (now, cpuNow) = (clock.GetTimestamp(), Environment.CpuUsage.TotalTime);
        lock (spent)
        {
            var (elapsed, cpu) = spent.GetValueOrDefault(phase);
            spent[phase] = (elapsed + clock.GetElapsedTime(mark, now), cpu + (cpuNow - cpuMark));
        }
        (mark, cpuMark) = (now, cpuNow);
    }

    /// <summary>Adds time measured elsewhere (another task of the run) to <paramref name="phase"/>; the CPU is unknown there.</summary>
    public void Add(string phase, TimeSpan elapsed)
    {
        lock (spent)
        {
            var (sum, cpu) = spent.GetValueOrDefault(phase);
            spent[phase] = (sum + elapsed, cpu);
        }
    }

    /// <summary>
    /// The totals per phase name so far: elapsed time and process CPU time (zero CPU for time added with <see cref="Add"/>).
    /// </summary>
    public IReadOnlyDictionary<string, (TimeSpan Elapsed, TimeSpan Cpu)> Spent => spent;
}
