using System.Diagnostics;
using System.Globalization;
using System.Text;
using Casualties.Domain.Evaluation;
using Casualties.Domain.Extraction;
using Casualties.Ingestion;
using Casualties.Ingestion.Documents;
using Casualties.Ingestion.Reference;

namespace Casualties.Benchmarks;

/// <summary>
/// ingest-documents (MB/s, issue 18): a folder of N distinct text documents (default 5,000; grown from the development
/// gold documents, each copy's figures varied and a line of its own) through <c>casualties ingest</c>'s code, beside the
/// extractor's rate on one core over the same files in the same run (read, parse, extract; after the ingest, so its
/// code is warm; the ingest is timed after an untimed one of 200 other documents). The ratio shows how much of both cores the batched pipeline uses.
/// </summary>
public static class DocumentsBenchmark
{
    public const string Name = "ingest-documents";

    public static async Task<BenchmarkResult> Run(int? size)
    {
        var count = size ?? 5_000;
        var folder = Directory.CreateTempSubdirectory("casualties-bench-documents-").FullName;
        await using var bench = await IngestBenchmark.ScratchDatabase.Create();
        try
        {
            var bytes = WriteFolder(folder, count, first: 0);
            // Steady state, as extract measures it: an untimed ingest of other documents first builds the reference
            // snapshot and its extractor (once per process) and lets the JIT optimise the path.
            var warm = Path.Combine(folder, ".warm");
            Directory.CreateDirectory(warm);
            WriteFolder(warm, 200, first: count);
            await new Ingestor(bench.DataSource).IngestPaths([warm], new IngestOptions { Trigger = "benchmark" }, CancellationToken.None);
            Directory.Delete(warm, recursive: true);
            var megabytes = bytes / (1024.0 * 1024.0);
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{Name}: {count:N0} files, {megabytes:0.0} MB; load average {IngestBenchmark.LoadAverage()} before the run"));

            GC.Collect();
            PeakMemory.Reset();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var gc = GcWork.Now();
            var clock = Stopwatch.StartNew();
            var summary = await new Ingestor(bench.DataSource).IngestPaths([folder], new IngestOptions { Trigger = "benchmark" }, CancellationToken.None);
            var ingestSeconds = clock.Elapsed.TotalSeconds;
            var ingestCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            var ingestGc = GcWork.Now() - gc;
            var peak = PeakMemory.Megabytes();
            if (summary.Documents != count) throw new InvalidOperationException($"The benchmark documents did not ingest cleanly: {summary.Describe()}");

            var extractor = new ClaimExtractor(SeedFiles.Load());
            cpu = Process.GetCurrentProcess().TotalProcessorTime;
            gc = GcWork.Now();
            clock.Restart();
            var claims = 0L;
            foreach (var file in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
            {
                var parsed = DocumentFile.Parse(InputFormat.Text, File.ReadAllText(file));
                claims += extractor.Extract(parsed.Body, parsed.Date!.Value).Count;
            }
            var extractSeconds = clock.Elapsed.TotalSeconds;
            var extractCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            var extractGc = GcWork.Now() - gc;

            var value = megabytes / ingestSeconds;
            var baseline = megabytes / extractSeconds;
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{Name}: ingest {ingestSeconds:0.00} s ({ingestCpu:0.00} s of CPU in this process; {ingestGc}), {summary.Documents:N0} documents, " +
                $"{summary.Claims:N0} claims; one core extracting the same files {extractSeconds:0.00} s ({extractCpu:0.00} s of CPU, {claims:N0} claims; {extractGc}); " +
                $"{value:0.00} MB/s against {baseline:0.00} MB/s, ratio {value / baseline:0.00}; peak memory {peak:N0} MB; " +
                $"load average {IngestBenchmark.LoadAverage()}"));
            return new BenchmarkResult(Name, "MB/s", Math.Round(value, 2), count, "extract on one core", Math.Round(baseline, 2),
                Math.Round(value / baseline, 3), Math.Round(peak, 1));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Writes <paramref name="count"/> distinct dated text documents; returns their size in bytes.</summary>
    private static long WriteFolder(string folder, int count, int first)
    {
        var sources = new List<(string Text, DateOnly Date)>();
        foreach (var name in new[] { "dev-corpus-a.jsonl", "dev-corpus-b.jsonl", "dev-corpus-c.jsonl" })
        {
            var path = Path.Combine(RepositoryRoot(), "tests", "data", name);
            if (File.Exists(path)) sources.AddRange(GoldFile.Parse(File.ReadAllText(path)).Select(d => (d.Text, d.Date)));
        }
        if (sources.Count == 0) throw new FileNotFoundException("The benchmark needs tests/data/dev-corpus-a.jsonl.");
        long bytes = 0;
        for (var i = first; i < first + count; i++)
        {
            var (text, date) = sources[i % sources.Count];
            var copy = i / sources.Count;
            var body = string.Create(CultureInfo.InvariantCulture,
                $" date {date.AddDays(copy % 28):yyyy-MM-dd} Dispatch {i}. {Vary(text, copy)}");
            var content = Encoding.UTF8.GetBytes(body);
            File.WriteAllBytes(Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"doc-{i:D6}.txt")), content);
            bytes += content.Length;
        }
        return bytes;
    }

    /// <summary>Shifts every number's first digit by the copy number, so that copies read as different figures.</summary>
    private static string Vary(string text, int copy)
    {
        if (copy % 9 == 0) return text;
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsAsciiDigit(chars[i]) && chars[i] != '0' && (i == 0 || !char.IsAsciiDigit(chars[i - 1])))
                chars[i] = (char)('1' + (chars[i] - '1' + copy) % 9);
        }
        return new string(chars);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "tests", "data"))) return dir.FullName;
        }
        return Directory.GetCurrentDirectory();
    }
}
