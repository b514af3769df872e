namespace Casualties.Benchmarks;

/// <summary>Samples the managed heap's size (live and garbage not yet collected) every 50 ms until stopped: its largest value in MB.</summary>
public sealed class HeapSampler
{
    private readonly CancellationTokenSource stop = new();
    private Task<double> sampling = Task.FromResult(0.0);
    private long committedPeak;

    /// <summary>The most memory the collector had committed (heap, free regions kept, its bookkeeping) at a sample, in MB.</summary>
    public double CommittedPeak => committedPeak / (1024.0 * 1024.0);

    public static HeapSampler Start()
    {
        var sampler = new HeapSampler();
        sampler.sampling = Task.Run(async () =>
        {
            var peak = 0L;
            while (!sampler.stop.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));
                sampler.committedPeak = Math.Max(sampler.committedPeak, GC.GetGCMemoryInfo(GCKind.Any).TotalCommittedBytes);
                try { await Task.Delay(50, sampler.stop.Token); }
                catch (OperationCanceledException) { break; }
            }
            return peak / (1024.0 * 1024.0);
        });
        return sampler;
    }

    public async Task<double> Stop()
    {
        await stop.CancelAsync();
        var peak = await sampling;
        stop.Dispose();
        return peak;
    }
}
