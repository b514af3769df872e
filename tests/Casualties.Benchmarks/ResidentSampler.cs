using System.Globalization;
using System.Text;

namespace Casualties.Benchmarks;

/// <summary>
/// What holds the resident set at its highest (issue 14, session 15), on when <c>CASUALTIES_BENCH_SMAPS=1</c>: every 50 ms
/// the resident set from <c>/proc/self/statm</c>; at each new high (by 1 MB or more) <c>/proc/self/smaps</c> is read and
/// kept with the collector's numbers and the thread count. At the end the highest sample is printed: resident memory
/// by kind (the collector's committed memory, other anonymous mappings by size class, files) and its largest mappings.
/// </summary>
public sealed class ResidentSampler
{
    private readonly CancellationTokenSource stop = new();
    private Task sampling = Task.CompletedTask;
    private long peakKb;
    private string report = "";

    /// <summary>Starts sampling when <c>CASUALTIES_BENCH_SMAPS</c> is 1, else null.</summary>
    public static ResidentSampler? StartIfAsked()
    {
        if (Environment.GetEnvironmentVariable("CASUALTIES_BENCH_SMAPS") != "1" || !File.Exists("/proc/self/smaps")) return null;
        var sampler = new ResidentSampler();
        sampler.sampling = Task.Run(sampler.Sample);
        return sampler;
    }

    private async Task Sample()
    {
        var pageKb = Environment.SystemPageSize / 1024;
        while (!stop.IsCancellationRequested)
        {
            var residentKb = long.Parse(File.ReadAllText("/proc/self/statm").Split(' ')[1], CultureInfo.InvariantCulture) * pageKb;
            if (residentKb >= peakKb + 1024)
            {
                peakKb = residentKb;
                report = Describe(residentKb);
            }
            try { await Task.Delay(50, stop.Token); }
            catch (OperationCanceledException) { break; }
        }
    }

    /// <summary>Stops sampling and prints the highest sample, each line starting with <paramref name="name"/>.</summary>
    public async Task Report(string name)
    {
        await stop.CancelAsync();
        await sampling;
        stop.Dispose();
        foreach (var line in report.Split('\n', StringSplitOptions.RemoveEmptyEntries)) Console.Error.WriteLine($"{name}: smaps: {line}");
    }

    private static string Describe(long residentKb)
    {
        var info = GC.GetGCMemoryInfo(GCKind.Any);
        var threads = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("Threads:", StringComparison.Ordinal))?.Split('\t')[^1].Trim();
        var mappings = new List<(string Header, long SizeKb, long RssKb, long AnonKb)>();
        string? header = null;
        long size = 0, rss = 0, anon = 0;
        foreach (var line in File.ReadLines("/proc/self/smaps"))
        {
            if (IsHeader(line))
            {
                if (header is not null) mappings.Add((header, size, rss, anon));
                (header, size, rss, anon) = (line, 0, 0, 0);
            }
            else if (line.StartsWith("Size:", StringComparison.Ordinal))
            {
                size = Kb(line);
            }
            else if (line.StartsWith("Rss:", StringComparison.Ordinal))
            {
                rss = Kb(line);
            }
            else if (line.StartsWith("Anonymous:", StringComparison.Ordinal))
            {
                anon = Kb(line);
            }
        }
        if (header is not null) mappings.Add((header, size, rss, anon));

        var byKind = new Dictionary<string, (long Rss, int Count)>(StringComparer.Ordinal);
        foreach (var (h, sizeKb, rssKb, _) in mappings)
        {
            if (rssKb == 0) continue;
            var kind = KindOf(h, sizeKb);
            var (r, c) = byKind.GetValueOrDefault(kind);
            byKind[kind] = (r + rssKb, c + 1);
        }
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture,
            $"highest sample: resident {residentKb / 1024.0:0.0} MB, anonymous {mappings.Sum(m => m.AnonKb) / 1024.0:0.0} MB, threads {threads}; " +
            $"GC heap {info.HeapSizeBytes / 1048576.0:0.0} MB, committed {info.TotalCommittedBytes / 1048576.0:0.0} MB, fragmented {info.FragmentedBytes / 1048576.0:0.0} MB\n");
        foreach (var (kind, (r, c)) in byKind.OrderByDescending(k => k.Value.Rss).Take(40))
            text.Append(CultureInfo.InvariantCulture, $"  {r / 1024.0,7:0.0} MB in {c,4} mappings: {kind}\n");
        foreach (var (h, sizeKb, rssKb, _) in mappings.OrderByDescending(m => m.RssKb).Take(30))
            text.Append(CultureInfo.InvariantCulture, $"  largest: {rssKb / 1024.0,7:0.0} MB of {sizeKb / 1024.0:0.0} MB {h}\n");
        return text.ToString();
    }

    /// <summary>A mapping's first line: "start-end perms offset dev inode [path]".</summary>
    private static bool IsHeader(string line)
    {
        var space = line.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 && line.AsSpan(0, space).Contains('-') && line.Length > space + 5 && line[space + 5] == ' ';
    }

    private static long Kb(string line) =>
        long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);

    /// <summary>A file's name, a named region ([heap], [stack]), or an anonymous mapping by its permissions and size class.</summary>
    private static string KindOf(string header, long sizeKb)
    {
        var fields = header.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length >= 6 && fields[5].Trim().Length > 0) return Path.GetFileName(fields[5].Trim()) is { Length: > 0 } file ? file : fields[5].Trim();
        var sizeClass = sizeKb switch
        {
            < 1024 => "< 1 MB",
            < 8192 => "1-8 MB",
            < 65536 => "8-64 MB",
            65536 => "64 MB",
            _ => "> 64 MB",
        };
        // glibc's malloc arenas other than the main one ([heap]) are 64 MB reservations aligned to 64 MB.
        var start = Convert.ToUInt64(fields[0][..fields[0].IndexOf('-', StringComparison.Ordinal)], 16);
        return $"anonymous {fields[1]} {sizeClass}{(start % (64UL << 20) == 0 ? " at a 64 MB boundary (malloc arena)" : "")}";
    }
}
