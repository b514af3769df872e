using System.Diagnostics;
using Casualties.Postgres;
using Casualties.Postgres.Embedded;
using Casualties.Postgres.Migrations;
using Casualties.Reports;
using Casualties.Reports.Loading;
using Casualties.Reports.Rendering;
using Casualties.Testing;
using Npgsql;

namespace Casualties.Benchmarks;

/// <summary>
/// report: the default HTML report (the folder form: index.html and a page per country, the default selection) of a
/// database of N claims (default 1,000,000), loaded from the views and rendered, timed beside a full reconcile of the
/// same claims, with the bytes of all its pages. Rows stream from the database and the renderers write as they read,
/// so the peak memory should not grow with N. Then every other format (HTML --all, Markdown default and --all, CSV,
/// JSON), each with its time, size and own peak memory on standard error beside the full reconcile, and whether the
/// default HTML opens in headless Chromium without console errors.
/// </summary>
public static class ReportBenchmark
{
    public const string Name = "report";
    public const int DefaultSize = 1_000_000;
    private const string DatabaseName = "casualties_bench_report";

    /// <summary>Runs on a fresh database of the embedded default (or the server of ConnectionStrings__Casualties).
    /// <paramref name="reconcile"/> reconciles the claims of the database it is given (a full run).</summary>
    public static BenchmarkResult Run(int? size, Func<NpgsqlDataSource, CancellationToken, Task> reconcile) =>
        RunAsync(size, reconcile).GetAwaiter().GetResult();

    public static async Task<BenchmarkResult> RunAsync(int? size, Func<NpgsqlDataSource, CancellationToken, Task> reconcile, CancellationToken ct = default)
    {
        var claims = size ?? DefaultSize;
        await using var dataSource = await FreshDatabase(ct);
        await new Migrator(dataSource).Migrate(ct);
        Console.Error.WriteLine($"report: generating {claims:#,0} claims...");
        await GenerateClaims(dataSource, claims, ct);

        Console.Error.WriteLine("report: reconciling (the baseline)...");
        var reconcileTime = await Time(() => reconcile(dataSource, ct));
        return await Measure(dataSource, claims, () => Task.CompletedTask, reconcileTime, ct);
    }

    /// <summary>One report written: what, how long, how many bytes in how many files, and the memory it took.</summary>
    private sealed record Written(string Name, double Seconds, long Bytes, int Files, double PeakWorkingSetMb, double PeakHeapMb);

    /// <summary>Each report a user can ask for, in the order measured: the default HTML (folder form) first.</summary>
    private static readonly (string Name, ReportFormat Format, ReportSelection Selection, bool Folder)[] Reports =
    [
        ("html (default, folder)", ReportFormat.Html, ReportSelection.Default, true),
        ("html --all", ReportFormat.Html, ReportSelection.Everything, false),
        ("markdown (default)", ReportFormat.Markdown, ReportSelection.Default, false),
        ("markdown --all", ReportFormat.Markdown, ReportSelection.Everything, false),
        ("csv", ReportFormat.Csv, ReportSelection.Default, false),
        ("json", ReportFormat.Json, ReportSelection.Default, false),
    ];

    /// <summary>Times the reports of an already reconciled database beside a baseline measured by <paramref name="baseline"/>
    /// (or given as <paramref name="baselineSeconds"/> when it was measured before). Every format is written in turn,
    /// each with the process's high-water mark reset before it, so each peak is that format's own; the default HTML is
    /// then opened in headless Chromium (when installed) and its console messages counted.</summary>
    public static async Task<BenchmarkResult> Measure(
        NpgsqlDataSource dataSource, long claims, Func<Task> baseline, double baselineSeconds = 0, CancellationToken ct = default)
    {
        if (baselineSeconds <= 0) baselineSeconds = await Time(baseline);
        var folder = Directory.CreateTempSubdirectory("casualties-report-bench-");
        try
        {
            var written = new List<Written>();
            foreach (var (name, format, selection, isFolder) in Reports)
            {
                var path = Path.Combine(folder.FullName, isFolder ? "report" : $"report{(selection.All ? "-all" : "")}.{format.ToString().ToLowerInvariant()}");
                var report = await WriteMeasured(name, () => isFolder
                    ? WriteDefaultHtml(dataSource, path, ct)
                    : Write(dataSource, format, selection, path, ct), path);
                Console.Error.WriteLine($"report: {report.Name} {report.Seconds:0.00} s, {report.Bytes / 1048576.0:0.00} MB in {report.Files} file(s), " +
                                        $"peak working set {report.PeakWorkingSetMb:0} MB, managed heap peak {report.PeakHeapMb:0} MB; full reconcile {baselineSeconds:0.00} s");
                written.Add(report);
            }
            var chromium = await OpenInChromium(Path.Combine(folder.FullName, "report"), ct);
            Console.Error.WriteLine($"report: {chromium}");
            Console.Error.WriteLine();
            Console.Error.WriteLine($"{"report",-24} {"seconds",8} {"MB",9} {"files",6} {"peak MB",8} {"heap MB",8}  full reconcile");
            foreach (var r in written)
                Console.Error.WriteLine($"{r.Name,-24} {r.Seconds,8:0.00} {r.Bytes / 1048576.0,9:0.00} {r.Files,6} {r.PeakWorkingSetMb,8:0} {r.PeakHeapMb,8:0}  {baselineSeconds:0.00} s");
            var html = written[0];
            return new BenchmarkResult(Name, "s", html.Seconds, claims, "full reconcile", baselineSeconds, baselineSeconds / html.Seconds,
                written.Max(r => r.PeakWorkingSetMb)) { BytesWritten = html.Bytes };
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Writes one report with the high-water mark reset first and the managed heap sampled while it runs.</summary>
    private static async Task<Written> WriteMeasured(string name, Func<Task> write, string path)
    {
        // Give back what earlier work left committed, so the high-water mark measures this report alone.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        if (!PeakMemory.Reset()) Console.Error.WriteLine("report: the high-water mark cannot be reset here; peaks are the process's so far");
        double heapPeak = 0;
        double seconds;
        using (new Timer(_ => heapPeak = Math.Max(heapPeak, GC.GetTotalMemory(false) / 1048576.0), null, 0, 50))
        {
            seconds = await Time(write);
        }
        var peak = PeakMemory.Megabytes();
        var files = Directory.Exists(path) ? Directory.GetFiles(path) : [path];
        return new Written(name, seconds, files.Sum(f => new FileInfo(f).Length), files.Length, peak, heapPeak);
    }

    /// <summary>Opens every page of the default HTML folder in headless Chromium; says how many console messages and
    /// outside requests the pages made (none is the goal), or that Chromium is not installed.</summary>
    private static async Task<string> OpenInChromium(string htmlFolder, CancellationToken ct)
    {
        if (!HeadlessChromium.IsInstalled) return "chromium: not installed (apt-get install -y chromium), the HTML was not opened";
        var messages = new List<string>();
        var requests = new List<string>();
        var pages = Directory.GetFiles(htmlFolder, "*.html").Order(StringComparer.Ordinal).ToList();
        var clock = Stopwatch.StartNew();
        foreach (var page in pages)
        {
            var (dom, result) = await HeadlessChromium.DumpDom(page, ct);
            if (result.ExitCode != 0 || dom.Length == 0) messages.Add($"{Path.GetFileName(page)}: chromium exited {result.ExitCode} with {dom.Length} characters of DOM");
            messages.AddRange(result.ConsoleMessages.Select(m => $"{Path.GetFileName(page)}: {m.Trim()}"));
            requests.AddRange(result.PageRequests);
        }
        var verdict = messages.Count == 0 && requests.Count == 0 ? "no console errors, no outside requests" : "PROBLEMS";
        return $"chromium: opened {pages.Count} page(s) of the default HTML in {clock.Elapsed.TotalSeconds:0.0} s: {verdict} " +
               $"({messages.Count} console message(s), {requests.Count} outside request(s))" +
               string.Concat(messages.Concat(requests).Take(10).Select(m => Environment.NewLine + "report:   " + m));
    }

    private static async Task WriteDefaultHtml(NpgsqlDataSource dataSource, string folder, CancellationToken ct)
    {
        var data = await new ReportDataLoader(dataSource).Load(ReportFilter.None, ReportSelection.Default, null, ct);
        await ReportWriter.WriteFolder(data, folder, TimeProvider.System, ct);
    }

    private static async Task Write(NpgsqlDataSource dataSource, ReportFormat format, ReportSelection selection, string path, CancellationToken ct)
    {
        var data = await new ReportDataLoader(dataSource).Load(ReportFilter.None, selection, null, ct);
        await ReportWriter.WriteFile(data, format, path, TimeProvider.System, ct);
    }

    private static async Task<double> Time(Func<Task> work)
    {
        var clock = Stopwatch.StartNew();
        await work();
        return clock.Elapsed.TotalSeconds;
    }

    /// <summary>A new empty database on the benchmark server, replacing the one a previous run left.</summary>
    private static async Task<NpgsqlDataSource> FreshDatabase(CancellationToken ct)
    {
        var options = DatabaseOptions.Resolve(null, null);
        var server = options.ConnectionString
            ?? await new EmbeddedPostgres(EmbeddedPostgres.DefaultHome()).EnsureStarted(ct);
        var maintenance = new NpgsqlConnectionStringBuilder(server) { Database = "postgres" }.ConnectionString;
        await using (var conn = new NpgsqlConnection(maintenance))
        {
            await conn.OpenAsync(ct);
            foreach (var sql in new[] { $"DROP DATABASE IF EXISTS {DatabaseName} WITH (FORCE)", $"CREATE DATABASE {DatabaseName}" })
            {
                await using var cmd = new NpgsqlCommand(sql, conn);
                await cmd.ExecuteNonQueryAsync(ct);
            }
        }
        return Database.FromConnectionString(new NpgsqlConnectionStringBuilder(server) { Database = DatabaseName, CommandTimeout = 0 }.ConnectionString);
    }

    /// <summary>
    /// N claims in a made-up country of 14 regions and 140 districts, from 12 sources, ten to a document: three
    /// sources report each event (same day, district, outcome and side) with figures that differ a little, and
    /// one event in 40 is instead a monthly running tally of its region.
    /// </summary>
    const string GenerateSql = """
        INSERT INTO victim_groups (name) VALUES ('people'), ('civilians') ON CONFLICT DO NOTHING;
        UPDATE victim_groups SET parent = 'people' WHERE name = 'civilians' AND parent IS NULL;
        INSERT INTO conflicts (key, name, sides) VALUES ('bench', 'Benchmark war', '{government,opposition}') ON CONFLICT DO NOTHING;
        INSERT INTO places (key, name, kind) VALUES ('bench', 'Benchland', 'country') ON CONFLICT DO NOTHING;
        INSERT INTO places (key, name, kind, parent_id)
        SELECT 'bench-r' || r, 'Region ' || r, 'region', (SELECT id FROM places WHERE key = 'bench') FROM generate_series(1, 14) r
        ON CONFLICT DO NOTHING;
        INSERT INTO places (key, name, kind, parent_id)
        SELECT 'bench-r' || r || '-d' || d, 'District ' || r || '.' || d, 'district', (SELECT id FROM places WHERE key = 'bench-r' || r)
        FROM generate_series(1, 14) r, generate_series(1, 10) d
        ON CONFLICT DO NOTHING;
        INSERT INTO conflict_countries (conflict, place_id) SELECT 'bench', id FROM places WHERE key = 'bench' ON CONFLICT DO NOTHING;
        INSERT INTO sources (name, kind, reliability)
        SELECT 'Bench Source ' || s, 'monitor', 0.3 + s * 0.05 FROM generate_series(1, 12) s ON CONFLICT DO NOTHING;
        INSERT INTO documents (content_hash, origin, name, format, published, body)
        SELECT 'bench-' || d, 'benchmark', 'bench_' || d, 'text', DATE '2013-01-01' + (d % 2500), 'Benchmark document ' || d
        FROM generate_series(1, (@Claims + 9) / 10) d;
        WITH numbered AS (
            SELECT i, (i - 1) / 3 AS e, (i - 1) % 3 AS k FROM generate_series(1, @Claims) i
        ), shaped AS (
            SELECT i, e, k,
                   e % 40 = 0 AS tally,
                   'bench-r' || (e % 14 + 1) || '-d' || (e / 14 % 10 + 1) AS district,
                   'bench-r' || (e % 14 + 1) AS region,
                   DATE '2013-01-01' + (e % 2500) AS day,
                   5 + e % 50 + k * (e % 7) AS figure
            FROM numbered
        )
        INSERT INTO claims (document_id, ordinal, outcome, victims, qualifier, value, low, high, source_id, perpetrator_side,
                            place_id, start_date, start_precision, end_date, end_precision, cumulative, reported, quote, confidence)
        SELECT d.id, (s.i - 1) % 10,
               CASE WHEN s.e % 10 = 9 THEN 'injured' ELSE 'killed' END,
               CASE WHEN s.e % 5 = 4 THEN 'civilians' ELSE 'people' END,
               CASE WHEN s.k = 2 AND s.e % 3 = 0 THEN 'at_least' ELSE 'exact' END,
               s.figure * (CASE WHEN s.tally THEN 10 ELSE 1 END),
               s.figure * (CASE WHEN s.tally THEN 10 ELSE 1 END),
               CASE WHEN s.k = 2 AND s.e % 3 = 0 THEN NULL ELSE s.figure * (CASE WHEN s.tally THEN 10 ELSE 1 END) END,
               src.id,
               CASE WHEN s.e % 2 = 0 THEN 'government' ELSE 'opposition' END,
               p.id,
               CASE WHEN s.tally THEN date_trunc('month', s.day)::date ELSE s.day END,
               CASE WHEN s.tally THEN 'month' ELSE 'day' END,
               CASE WHEN s.tally THEN date_trunc('month', s.day)::date ELSE s.day END,
               CASE WHEN s.tally THEN 'month' ELSE 'day' END,
               s.tally,
               s.day + 1 + s.k,
               'The strike killed ' || s.figure || ' people, Bench Source ' || ((s.e + s.k) % 12 + 1) || ' said.',
               0.9
        FROM shaped s
        JOIN documents d ON d.content_hash = 'bench-' || ((s.i - 1) / 10 + 1)
        JOIN sources src ON src.name = 'Bench Source ' || ((s.e + s.k) % 12 + 1)
        JOIN places p ON p.key = CASE WHEN s.tally THEN s.region ELSE s.district END;
        ANALYZE;
        """;

    private static async Task GenerateClaims(NpgsqlDataSource dataSource, int claims, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand(GenerateSql);
        cmd.Parameters.AddWithValue("Claims", claims);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
