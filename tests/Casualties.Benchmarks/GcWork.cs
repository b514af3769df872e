using System.Globalization;

namespace Casualties.Benchmarks;

/// <summary>The garbage collector's work so far (collections per generation, time paused): subtract two to see a stage's.</summary>
public readonly record struct GcWork(int Gen0, int Gen1, int Gen2, TimeSpan Paused, long AllocatedBytes)
{
    public static GcWork Now() => new(GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration(),
        GC.GetTotalAllocatedBytes());

    public static GcWork operator -(GcWork after, GcWork before) => new(after.Gen0 - before.Gen0, after.Gen1 - before.Gen1,
        after.Gen2 - before.Gen2, after.Paused - before.Paused, after.AllocatedBytes - before.AllocatedBytes);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"GC {Gen0}/{Gen1}/{Gen2} collections, {Paused.TotalSeconds:0.00} s paused, {AllocatedBytes / 1048576.0:N0} MB allocated");
}
