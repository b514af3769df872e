using Casualties.Domain.Extraction;
using Casualties.Ingestion.Reference;

namespace Casualties.Benchmarks;

/// <summary>
/// Extraction cost per MB on generated text in which no sentence repeats (<see cref="DistinctText"/>), at 1 MB and
/// growing sizes up to the given one, as 4 KB articles and as one document without a paragraph break. Rates are by the
/// thread's CPU time (<see cref="ThreadCpu"/>), so that a busy machine does not pass for a slope. The result is the
/// one-document rate at the largest size beside the same at 1 MB, in the same run: a ratio near 1 is a flat cost per
/// MB; a falling one is work that grows with what the reader has read before.
/// </summary>
public static class ExtractDistinctBenchmark
{
    public const string Name = "extract-distinct";

    public static BenchmarkResult Run(int sizeMb)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sizeMb, 1);
        var reference = SeedFiles.Load();
        var extractor = new ClaimExtractor(reference);
        var date = new DateOnly(2024, 5, 1);
        // Warm-up on both shapes, so that the first size is not measured on unoptimised code.
        var warm = new DistinctText(reference, seed: 0);
        foreach (var document in warm.Documents(2 << 20)) extractor.Extract(document, date);
        extractor.Extract(warm.OneDocument(1 << 20), date);
        PeakMemory.Reset();
        var sizes = new[] { 1, 2, 5, 10, 20, 50 }.Where(s => s < sizeMb).Append(sizeMb).ToList();
        double first = 0, last = 0;
        foreach (var size in sizes)
        {
            var chars = (long)size << 20;
            var documents = new DistinctText(reference, seed: size).Documents(chars);
            var cpu = ThreadCpu.Seconds();
            var claims = 0L;
            foreach (var document in documents) claims += extractor.Extract(document, date).Count;
            var documentsRate = size / (ThreadCpu.Seconds() - cpu);

            var one = new DistinctText(reference, seed: -size).OneDocument(chars);
            cpu = ThreadCpu.Seconds();
            var oneClaims = extractor.Extract(one, date).Count;
            var oneRate = size / (ThreadCpu.Seconds() - cpu);
            Console.Error.WriteLine(
                $"extract-distinct {size,3} MB: {documentsRate,6:0.00} MB/s in {documents.Count} documents ({claims} claims); {oneRate,6:0.00} MB/s as one document ({oneClaims} claims)");
            if (size == sizes[0]) first = oneRate;
            last = oneRate;
        }
        return new BenchmarkResult(Name, "MB/s", Math.Round(last, 2), (long)sizeMb << 20, $"one document of {sizes[0]} MB", Math.Round(first, 2),
            Math.Round(last / first, 3), Math.Round(PeakMemory.Megabytes(), 1));
    }
}
