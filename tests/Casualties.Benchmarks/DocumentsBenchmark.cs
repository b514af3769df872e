using System.Diagnostics;
using System.Globalization;
using System.Runtime;
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
/// code is warm; the ingest is timed after an untimed one of 200 other documents). The ratio shows how much of both cores the batched pipeline uses;
/// the CPU per MB of the ingest (this process, and the PostgreSQL server when it runs on this machine) against the
/// extraction's is the number a loaded machine does not distort.
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
            // Steady state, as extract measures it: untimed ingests and one-core extractions of other documents first
            // build the reference snapshot and its extractor (once per process) and let the JIT optimise both paths,
            // round after round of new documents (a duplicate never reaches the claims' COPY) until a round compiles
            // almost nothing: on a loaded machine the tiered JIT's background compiles lag, and one round of 200
            // documents left 1.8 s of compiling inside the timed ingest while the extraction measured after it ran on
            // optimised code (issue 18).
            var warmExtractor = new ClaimExtractor(SeedFiles.Load());
            var rounds = 0;
            long compiled, first = 0;
            do
            {
                compiled = JitInfo.GetCompiledMethodCount();
                var warm = Path.Combine(folder, ".warm" + rounds.ToString(CultureInfo.InvariantCulture));
                Directory.CreateDirectory(warm);
                WriteFolder(warm, WarmDocuments, first: count + rounds * WarmDocuments);
                await new Ingestor(bench.DataSource).IngestPaths([warm], new IngestOptions { Trigger = "benchmark" }, CancellationToken.None);
                ExtractAll(warmExtractor, warm);
                Directory.Delete(warm, recursive: true);
                if (rounds++ == 0) first = JitInfo.GetCompiledMethodCount() - compiled;
            }
            while ((JitInfo.GetCompiledMethodCount() - compiled) * 100 > first && rounds < MaxWarmRounds);
            var warmedUp = JitInfo.GetCompiledMethodCount() - compiled;
            var megabytes = bytes / (1024.0 * 1024.0);
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{Name}: {count:N0} files, {megabytes:0.0} MB; {rounds} warm-up round(s) of {WarmDocuments} documents, the last compiling {warmedUp} methods; load average {IngestBenchmark.LoadAverage()} before the run"));

            GC.Collect();
            PeakMemory.Reset();
            var serverBefore = await ServerCpu.Used(bench.DataSource, CancellationToken.None);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var gc = GcWork.Now();
            var (ingestJit, ingestMethods) = (JitInfo.GetCompilationTime(), JitInfo.GetCompiledMethodCount());
            var clock = Stopwatch.StartNew();
            var window = Stopwatch.GetTimestamp();
            var summary = await new Ingestor(bench.DataSource).IngestPaths([folder], new IngestOptions { Trigger = "benchmark" }, CancellationToken.None);
            var ingestSeconds = clock.Elapsed.TotalSeconds;
            // For a profiler recording on the monotonic clock (perf record -k CLOCK_MONOTONIC; perf report --time A,B).
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{Name}: the timed ingest ran from {Monotonic(window)} to {Monotonic(Stopwatch.GetTimestamp())} (monotonic clock, seconds)"));
            var ingestCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            var ingestGc = GcWork.Now() - gc;
            var serverCpu = serverBefore is { } before && await ServerCpu.Used(bench.DataSource, CancellationToken.None) is { } after
                ? (after - before).TotalSeconds : (double?)null;
            (ingestJit, ingestMethods) = (JitInfo.GetCompilationTime() - ingestJit, JitInfo.GetCompiledMethodCount() - ingestMethods);
            var peak = PeakMemory.Megabytes();
            if (summary.Documents != count) throw new InvalidOperationException($"The benchmark documents did not ingest cleanly: {summary.Describe()}");

            var extractor = new ClaimExtractor(SeedFiles.Load());
            cpu = Process.GetCurrentProcess().TotalProcessorTime;
            gc = GcWork.Now();
            clock.Restart();
            var claims = 0L;
            var (jit, methods) = (JitInfo.GetCompilationTime(), JitInfo.GetCompiledMethodCount());
            claims += ExtractAll(extractor, folder);
            var (extractJit, extractMethods) = (JitInfo.GetCompilationTime() - jit, JitInfo.GetCompiledMethodCount() - methods);
            var extractSeconds = clock.Elapsed.TotalSeconds;
            var extractCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            var extractGc = GcWork.Now() - gc;

            var value = megabytes / ingestSeconds;
            var baseline = megabytes / extractSeconds;
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{Name}: ingest {ingestSeconds:0.00} s ({ingestCpu:0.00} s of CPU in this process; {ingestGc}; JIT {ingestMethods:N0} methods in {ingestJit.TotalSeconds:0.00} s), {summary.Documents:N0} documents, " +
                $"{summary.Claims:N0} claims; one core extracting the same files {extractSeconds:0.00} s ({extractCpu:0.00} s of CPU, {claims:N0} claims; {extractGc}; JIT {extractMethods:N0} methods in {extractJit.TotalSeconds:0.00} s); " +
                $"{value:0.00} MB/s against {baseline:0.00} MB/s, ratio {value / baseline:0.00}; peak memory {peak:N0} MB; " +
                $"CPU per MB: ingest {ingestCpu / megabytes:0.000} s in this process{(serverCpu is { } server ? $" and {server / megabytes:0.000} s in the PostgreSQL server ({server:0.00} s)" : "")}, " +
                $"one-core extraction {extractCpu / megabytes:0.000} s (process ÷ extraction {ingestCpu / extractCpu:0.00}" +
                $"{(serverCpu is { } both ? $", process and server ÷ extraction {(ingestCpu + both) / extractCpu:0.00}" : "")}); " +
                $"load average {IngestBenchmark.LoadAverage()}"));
            return new BenchmarkResult(Name, "MB/s", Math.Round(value, 2), count, "extract on one core", Math.Round(baseline, 2),
                Math.Round(value / baseline, 3), Math.Round(peak, 1));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Monotonic(long timestamp) =>
        (timestamp / (double)Stopwatch.Frequency).ToString("0.000000", CultureInfo.InvariantCulture);

    private const int WarmDocuments = 200;
    private const int MaxWarmRounds = 15;

    /// <summary>The one-core baseline: each file of a folder read, parsed and extracted in name order; returns the claims.</summary>
    private static long ExtractAll(ClaimExtractor extractor, string folder)
    {
        var claims = 0L;
        foreach (var file in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
        {
            var parsed = DocumentFile.Parse(InputFormat.Text, File.ReadAllText(file));
            claims += extractor.Extract(parsed.Body, parsed.Date!.Value).Count;
        }
        return claims;
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
