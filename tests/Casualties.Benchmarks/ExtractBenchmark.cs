using System.Diagnostics;
using System.Text;
using Casualties.Domain.Evaluation;
using Casualties.Domain.Extraction;
using Casualties.Ingestion.Reference;

namespace Casualties.Benchmarks;

/// <summary>
/// Extraction throughput (MB/s, one thread) on a corpus grown from the development gold documents, beside
/// a bare vectorized digit scan of the same text in the same run (interfaces.md, "Benchmarks": `extract`).
/// </summary>
public static class ExtractBenchmark
{
    public const string Name = "extract";
    public const string BaselineName = "bare vectorized digit scan";

    public static BenchmarkResult Run(int sizeMb)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sizeMb, 1);
        var extractor = new ClaimExtractor(SeedFiles.Load());
        var corpus = Corpus(sizeMb);
        var bytes = corpus.Sum(d => (long)Encoding.UTF8.GetByteCount(d.Text));
        var megabytes = bytes / (1024.0 * 1024.0);

        // Steady state, as a long-running worker runs: untimed passes over the whole corpus until tiered compilation
        // has nothing left to do for either side. One pass was not enough on a loaded machine: the background JIT
        // thread, starved of a core, was still compiling the extractor's tier-1 code (and the digit scan's) while the
        // timed passes ran tier-0 code, so both rates moved with the load and the JIT (session 8, issue 18).
        var warmups = WarmUp(() =>
        {
            foreach (var (text, date) in corpus) extractor.Extract(text, date);
            foreach (var (text, _) in corpus) CountDigits(text);
        });
        PeakMemory.Reset();
        var claims = 0L;
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var collections = GC.CollectionCount(0);
        var jitted = System.Runtime.JitInfo.GetCompiledMethodCount();
        var cpu = ThreadCpu.Seconds();
        var watch = Stopwatch.StartNew();
        foreach (var (text, date) in corpus) claims += extractor.Extract(text, date).Count;
        var extractSeconds = watch.Elapsed.TotalSeconds;
        var extractCpu = ThreadCpu.Seconds() - cpu;
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        collections = GC.CollectionCount(0) - collections;
        var peak = PeakMemory.Megabytes();

        cpu = ThreadCpu.Seconds();
        watch.Restart();
        var digits = 0L;
        for (var round = 0; round < 5; round++)
        {
            foreach (var (text, _) in corpus) digits += CountDigits(text);
        }
        var scanSeconds = watch.Elapsed.TotalSeconds / 5;
        var scanCpu = (ThreadCpu.Seconds() - cpu) / 5;

        var value = megabytes / extractSeconds;
        var baseline = megabytes / scanSeconds;
        // On a busy machine the wall clock measures the load as much as the code: the same two rates by the thread's CPU time.
        Console.Error.WriteLine(
            $"extract: by CPU time of the thread {megabytes / extractCpu:0.00} MB/s beside {megabytes / scanCpu:0.#} MB/s digit scan: ratio {scanCpu / extractCpu:0.0000} (1/{extractCpu / scanCpu:0})");
        Console.Error.WriteLine($"extract: {claims} claims from {corpus.Count} documents ({megabytes:0.#} MB); {digits / 5} digits scanned; "
            + $"extraction allocated {allocated / megabytes / (1 << 20):0.#} MB per MB of text, {collections} gen-0 collections; "
            + $"{warmups} untimed passes before, {System.Runtime.JitInfo.GetCompiledMethodCount() - jitted} methods compiled while timed");
        return new BenchmarkResult(Name, "MB/s", Math.Round(value, 2), bytes, BaselineName, Math.Round(baseline, 2),
            Math.Round(value / baseline, 4), Math.Round(peak, 1));
    }

    /// <summary>
    /// Runs <paramref name="pass"/> until a pass, and the background compilation it set off, compiles no method (at
    /// most 8 passes); returns the number of passes. Waiting for the JIT is polling its count, not a fixed sleep.
    /// </summary>
    private static int WarmUp(Action pass)
    {
        for (var passes = 1; ; passes++)
        {
            var before = System.Runtime.JitInfo.GetCompiledMethodCount();
            pass();
            // Tier-1 code is compiled on a background thread after a call-counting delay: let it finish.
            var count = System.Runtime.JitInfo.GetCompiledMethodCount();
            for (var quiet = 0; quiet < 5;)
            {
                Thread.Sleep(100);
                var now = System.Runtime.JitInfo.GetCompiledMethodCount();
                quiet = now == count ? quiet + 1 : 0;
                count = now;
            }
            if (count == before || passes == 8) return passes;
        }
    }

    private static long CountDigits(string text)
    {
        var span = text.AsSpan();
        long count = 0;
        int next;
        while ((next = span.IndexOfAnyInRange('0', '9')) >= 0)
        {
            count++;
            span = span[(next + 1)..];
        }
        return count;
    }

    /// <summary>The development documents repeated until the corpus holds <paramref name="sizeMb"/> MB, each copy's figures varied.</summary>
    private static List<(string Text, DateOnly Date)> Corpus(int sizeMb)
    {
        var sources = new List<(string Text, DateOnly Date)>();
        foreach (var file in new[] { "dev-corpus-a.jsonl", "dev-corpus-b.jsonl" })
        {
            var path = DataFile(file);
            if (File.Exists(path)) sources.AddRange(GoldFile.Parse(File.ReadAllText(path)).Select(d => (d.Text, d.Date)));
        }
        if (sources.Count == 0) throw new FileNotFoundException("The benchmark needs tests/data/dev-corpus-a.jsonl or -b.jsonl.");
        var target = (long)sizeMb << 20;
        var corpus = new List<(string, DateOnly)>();
        long size = 0;
        for (var copy = 0; size < target; copy++)
        {
            foreach (var (text, date) in sources)
            {
                var varied = Vary(text, copy);
                corpus.Add((varied, date.AddDays(copy % 7)));
                size += varied.Length;
                if (size >= target) break;
            }
        }
        return corpus;
    }

    /// <summary>Shifts every digit by the copy number, so that copies are not identical text.</summary>
    private static string Vary(string text, int copy)
    {
        if (copy == 0) return text;
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsAsciiDigit(chars[i]) && (i == 0 || !char.IsAsciiDigit(chars[i - 1]))) chars[i] = (char)('1' + (chars[i] - '0' + copy) % 9);
        }
        return new string(chars);
    }

    private static string DataFile(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "data", name);
            if (File.Exists(candidate)) return candidate;
        }
        return Path.Combine("tests", "data", name);
    }
}
