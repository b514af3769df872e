namespace Casualties.Benchmarks;

/// <summary>The benchmarks by name (interfaces.md): each takes an optional size and returns its result.</summary>
public static class BenchmarkCatalog
{
    public static readonly IReadOnlyDictionary<string, Func<int?, Task<BenchmarkResult>>> All =
        new Dictionary<string, Func<int?, Task<BenchmarkResult>>>(StringComparer.Ordinal)
        {
            [ExtractBenchmark.Name] = size => Task.FromResult(ExtractBenchmark.Run(size ?? 20)),
            [ExtractDistinctBenchmark.Name] = size => Task.FromResult(ExtractDistinctBenchmark.Run(size ?? 20)),
            [IngestBenchmark.GedName] = IngestBenchmark.Ged,
            [IngestBenchmark.AcledName] = IngestBenchmark.Acled,
            [IngestBenchmark.RawName] = IngestBenchmark.Raw,
            [DocumentsBenchmark.Name] = DocumentsBenchmark.Run,
            [ReconcileBenchmark.FullName] = ReconcileBenchmark.RunAsync,
            [ReconcileBenchmark.DenseName] = ReconcileBenchmark.RunDenseAsync,
            [ReconcileBenchmark.IncrementalName] = ReconcileBenchmark.RunIncrementalAsync,
            [ReportBenchmark.Name] = size => ReportBenchmark.RunAsync(size,
                (dataSource, ct) => new Casualties.Postgres.Reconciliation.ReconciliationRunner(dataSource).Run(full: true, ct)),
        };
}
