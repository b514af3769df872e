namespace Casualties.Benchmarks;

/// <summary>One benchmark's measurement beside its baseline from the same run (interfaces.md, "Benchmarks").</summary>
/// <remarks>Ratio is value ÷ baseline for rates and baseline ÷ value for times: 1.0 means as fast as the baseline.</remarks>
public sealed record BenchmarkResult(
    string Name, string Metric, double Value, long Size, string BaselineName, double Baseline, double Ratio, double PeakMemoryMb)
{
    /// <summary>Bytes written, where the benchmark writes files (report: the default HTML, all pages).</summary>
    public long? BytesWritten { get; init; }
}
