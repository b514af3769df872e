using System.Diagnostics;
using Casualties.Postgres;
using Casualties.Postgres.Embedded;
using Casualties.Postgres.Migrations;
using Casualties.Postgres.Reconciliation;
using Npgsql;

namespace Casualties.Benchmarks;

/// <summary>
/// reconcile-full: a full reconcile of N generated claims (default 1,000,000) beside its I/O floor (interfaces.md;
/// issue 14): binary COPY out of what the run reads of the claims (<see cref="ClaimLoader.SelectSql"/>) plus binary COPY
/// of the run's result rows into clones of the result tables with the same indexes, keys and triggers, in one
/// transaction, measured in the same run; ratio = floor ÷ run. One GROUP BY over the claims is printed beside it.
/// reconcile-dense: the same on claims where a few places hold hundreds of claims per day.
/// reconcile-incremental: an incremental reconcile after adding 1,000 claims beside the full reconcile. Each shape
/// is measured on a fresh database of the embedded default or the server of ConnectionStrings__Casualties, prepared
/// once per size and shared by full and incremental.
/// </summary>
/// <remarks>
/// The claims: 40 countries of 8 regions, 6 cities and 3 districts each; 60 sources of differing reliability;
/// ten years; five claims to a document. Three sources report each event (one district, one day, one outcome
/// and perpetrator side, figures that differ and are sometimes open-ended); one group in ten is instead a
/// source's running tally of a city (or, one in five of those, of the whole country) updated three times.
/// Dense: six groups in ten are instead dataset events (a feed record with an event id, three claims) in four
/// districts of two countries over one year — about 137 events and 410 claims per place and day.
/// The 1,000 added claims are one more batch of news about two of the countries, the way a feed delivers them.
/// </remarks>
public static class ReconcileBenchmark
{
    public const string FullName = "reconcile-full";
    public const string IncrementalName = "reconcile-incremental";
    public const string DenseName = "reconcile-dense";
    public const int DefaultSize = 1_000_000;
    public const int AddedClaims = 1_000;
    private static readonly string DatabaseName =
        Environment.GetEnvironmentVariable("CASUALTIES_BENCH_DATABASE") is { Length: > 0 } named ? named : "casualties_bench_reconcile";

    private static readonly Dictionary<(int, bool), Task<(BenchmarkResult Full, BenchmarkResult Incremental)>> Runs = [];

    /// <summary>The result tables a run writes, in the order a run's COPY writes them.</summary>
    private static readonly string[] ResultTables = ["incidents", "incident_members", "incident_figures", "side_totals", "flags"];

    public static BenchmarkResult Run(int? size) => RunAsync(size).GetAwaiter().GetResult();

    public static BenchmarkResult RunIncremental(int? size) => RunIncrementalAsync(size).GetAwaiter().GetResult();

    public static async Task<BenchmarkResult> RunAsync(int? size) => (await Both(size ?? DefaultSize, dense: false)).Full;

    public static async Task<BenchmarkResult> RunDenseAsync(int? size) => (await Both(size ?? DefaultSize, dense: true)).Full;

    public static async Task<BenchmarkResult> RunIncrementalAsync(int? size) => (await Both(size ?? DefaultSize, dense: false)).Incremental;

    private static Task<(BenchmarkResult Full, BenchmarkResult Incremental)> Both(int size, bool dense)
    {
        lock (Runs)
        {
            if (!Runs.TryGetValue((size, dense), out var run)) Runs[(size, dense)] = run = Measure(size, dense, CancellationToken.None);
            return run;
        }
    }

    private static async Task<(BenchmarkResult Full, BenchmarkResult Incremental)> Measure(int size, bool dense, CancellationToken ct)
    {
        var name = dense ? DenseName : FullName;
        await using var dataSource = await FreshDatabase(ct);
        await new Migrator(dataSource).Migrate(ct);
        Console.Error.WriteLine($"{name}: generating {size:#,0} claims...");
        await Execute(dataSource, GenerateSql
            .Replace("@Size", size.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("@Dense", dense ? "true" : "false", StringComparison.Ordinal), ct);

        await Execute(dataSource, GroupBySql, ct);
        var groupBy = await Time(() => Execute(dataSource, GroupBySql, ct));
        Console.Error.WriteLine($"{name}: one GROUP BY over the claims {groupBy:0.00} s");

        GC.Collect();
        PeakMemory.Reset();
        ReconcileSummary fullSummary = null!;
        var serverCpu = await ServerCpu.Used(dataSource, ct);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var (gen0, gen1, gen2, pause) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());
        var heap = HeapSampler.Start();
        var allocated = GC.GetTotalAllocatedBytes();
        var gcEvents = GcEvents.StartIfAsked();
        var resident = ResidentSampler.StartIfAsked();
        var full = await Time(async () => fullSummary = await new ReconciliationRunner(dataSource).Run(full: true, ct));
        var heapPeak = await heap.Stop();
        gcEvents?.Report(name);
        if (resident is not null) await resident.Report(name);
        Console.Error.WriteLine($"reconcile: full used {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:0.00} s of CPU in this process; " +
                                $"GCs {GC.CollectionCount(0) - gen0}/{GC.CollectionCount(1) - gen1}/{GC.CollectionCount(2) - gen2} (gen 0/1/2), paused {(GC.GetTotalPauseDuration() - pause).TotalSeconds:0.00} s; " +
                                $"{(GC.GetTotalAllocatedBytes() - allocated) / 1048576.0:N0} MB allocated");
        var fullPeak = PeakMemory.Megabytes();
        if (serverCpu is { } before && await ServerCpu.Used(dataSource, ct) is { } after)
            Console.Error.WriteLine($"reconcile: full used {(after - before).TotalSeconds:0.00} s of CPU in the PostgreSQL server");
        Console.Error.WriteLine($"reconcile: full {full:0.00} s ({fullSummary.Incidents:#,0} incidents, {fullSummary.Flags:#,0} flags, peak {fullPeak:0} MB; " +
                                $"managed heap at most {heapPeak:0} MB, committed by the GC at most {heap.CommittedPeak:0} MB, sampled every 50 ms)");
        Console.Error.WriteLine($"reconcile: full phases {Phases(fullSummary)}");
        Console.Error.WriteLine($"{name}: full results {await ResultHashes(dataSource, ct)}");

        var (copyOut, copyIn) = await IoFloor(name, dataSource, ct);
        var floor = copyOut + copyIn;
        Console.Error.WriteLine($"{name}: {size:#,0} claims: full run {full:0.00} s ({full / size * 1e6:0.0} µs per claim, peak {fullPeak:0} MB); " +
                                $"I/O floor {floor:0.00} s (claims out {copyOut:0.00} s + results in {copyIn:0.00} s); ratio {floor / full:0.000}; " +
                                $"one GROUP BY {groupBy:0.00} s; load average {LoadAverage()}");
        var fullResult = new BenchmarkResult(name, "s", full, size, "I/O floor (claims out + results in by binary COPY)", floor, floor / full, fullPeak);
        if (dense) return (fullResult, fullResult);

        await Execute(dataSource, AddSql, ct);
        PeakMemory.Reset();
        ReconcileSummary incrementalSummary = null!;
        var incremental = await Time(async () => incrementalSummary = await new ReconciliationRunner(dataSource).Run(full: false, ct));
        var incrementalPeak = PeakMemory.Megabytes();
        Console.Error.WriteLine($"reconcile: incremental {incremental:0.00} s after adding {AddedClaims:#,0} claims " +
                                $"({incrementalSummary.Partitions} partitions, {incrementalSummary.ClaimsRead:#,0} claims read, {incrementalSummary.RowsChanged:#,0} rows changed)");
        Console.Error.WriteLine($"reconcile: incremental phases {Phases(incrementalSummary)}");
        Console.Error.WriteLine($"{name}: incremental results {await ResultHashes(dataSource, ct)}");

        return (fullResult,
                new BenchmarkResult(IncrementalName, "s", incremental, size, "the full reconcile", full, full / incremental, incrementalPeak));
    }

    const string GroupBySql = """
        SELECT outcome, place_id, perpetrator_side, victims, count(*), sum(low), sum(coalesce(high, low))
        FROM claims GROUP BY outcome, place_id, perpetrator_side, victims
        """;

    const string GenerateSql = """
        INSERT INTO victim_groups (name) VALUES ('people'), ('civilians'), ('children') ON CONFLICT DO NOTHING;
        UPDATE victim_groups SET parent = 'people' WHERE name = 'civilians';
        UPDATE victim_groups SET parent = 'civilians' WHERE name = 'children';
        INSERT INTO places (key, name, kind) SELECT 'c' || c, 'Country ' || c, 'country' FROM generate_series(1, 40) c;
        INSERT INTO places (key, name, kind, parent_id)
        SELECT p.key || '.r' || r, p.name || ' region ' || r, 'region', p.id FROM places p, generate_series(1, 8) r WHERE p.kind = 'country';
        INSERT INTO places (key, name, kind, parent_id)
        SELECT p.key || '.t' || t, p.name || ' town ' || t, 'city', p.id FROM places p, generate_series(1, 6) t WHERE p.kind = 'region';
        INSERT INTO places (key, name, kind, parent_id)
        SELECT p.key || '.d' || d, p.name || ' district ' || d, 'district', p.id FROM places p, generate_series(1, 3) d WHERE p.kind = 'city';
        INSERT INTO sources (name, kind, reliability) SELECT 'Source ' || s, 'monitor', 0.3 + (s % 7) / 10.0 FROM generate_series(1, 60) s;
        CREATE TABLE bench_districts AS
        SELECT row_number() OVER (ORDER BY d.id) - 1 AS n, row_number() OVER (PARTITION BY country.key ORDER BY d.id) - 1 AS m, d.id AS district_id, d.parent_id AS city_id, country.id AS country_id,
               country.key AS country_key
        FROM places d JOIN places t ON t.id = d.parent_id JOIN places r ON r.id = t.parent_id JOIN places country ON country.id = r.parent_id
        WHERE d.kind = 'district';
        CREATE TABLE bench_claims AS
        SELECT i, i / 3 AS g, i % 3 AS k, @Dense AND (i / 3) % 10 < 6 AS dense FROM generate_series(0, @Size - 1) i;
        CREATE TABLE bench_dense AS
        SELECT row_number() OVER (ORDER BY n) - 1 AS j, n FROM bench_districts WHERE country_key IN ('c1', 'c2') AND m < 2;
        INSERT INTO feed_records (dataset, record_key, version, content_hash, origin, event_key)
        SELECT 'ged', 'ev' || g, '1', 'bench-ev' || g, 'bench', 'ev' || g FROM generate_series(0, (@Size - 1) / 3) g WHERE @Dense AND g % 10 < 6;
        CREATE TABLE bench_records AS SELECT substr(record_key, 3)::bigint AS g, id FROM feed_records WHERE dataset = 'ged';
        INSERT INTO documents (content_hash, origin, name, format, published, body)
        SELECT 'bench-' || d, 'bench', 'doc-' || d, 'text', date '2014-01-01' + (d % 3650), '' FROM generate_series(0, (@Size - 1) / 5) d;
        CREATE TABLE bench_documents AS SELECT row_number() OVER (ORDER BY id) - 1 AS n, id FROM documents;
        INSERT INTO claims (document_id, ordinal, record_id, outcome, victims, qualifier, value, low, high, source_id, source_name,
            perpetrator_side, place_id, start_date, start_precision, end_date, end_precision, cumulative, reported, quote)
        SELECT CASE WHEN NOT c.dense THEN doc.id END, CASE WHEN c.dense THEN c.k ELSE c.i % 5 END, rec.id,
               CASE WHEN c.g % 10 < 7 THEN 'killed' WHEN c.g % 10 < 9 THEN 'injured' ELSE 'detained' END,
               CASE WHEN c.g % 4 = 0 THEN 'civilians' ELSE 'people' END,
               CASE WHEN tally OR c.i % 7 <> 0 THEN 'exact' ELSE 'at_least' END,
               figure, figure, CASE WHEN tally OR c.i % 7 <> 0 THEN figure END,
               s.id, s.name,
               CASE c.g % 3 WHEN 0 THEN 'government' WHEN 1 THEN 'opposition' END,
               CASE WHEN NOT tally THEN d.district_id WHEN c.g % 50 = 9 THEN d.country_id ELSE d.city_id END,
               CASE WHEN tally THEN date_trunc('month', day)::date ELSE day END, 'day',
               CASE WHEN tally THEN date_trunc('month', day)::date + 7 * c.k + 7 ELSE day END, 'day',
               tally,
               CASE WHEN tally THEN date_trunc('month', day)::date + 7 * c.k + 7 ELSE day + 1 + c.k END,
               'generated'
        FROM (SELECT b.*, g % 10 = 9 AS tally,
                     CASE WHEN dense THEN date '2020-01-01' + (g % 365) ELSE date '2014-01-01' + (g * 13 % 3650) END AS day,
                     CASE WHEN g % 10 = 9 THEN 50 + 30 * k + g % 40 ELSE 10 + g % 80 END AS figure,
                     CASE WHEN dense THEN bd.n ELSE (g * 31) % (SELECT count(*) FROM bench_districts) END AS district
              FROM bench_claims b LEFT JOIN bench_dense bd ON b.dense AND bd.j = b.g % 4) c
        JOIN bench_districts d ON d.n = c.district
        JOIN bench_documents doc ON doc.n = c.i / 5
        LEFT JOIN bench_records rec ON c.dense AND rec.g = c.g
        JOIN sources s ON s.name = 'Source ' || (1 + CASE WHEN c.g % 10 = 9 THEN c.g % 60 ELSE (c.g + c.k * 17) % 60 END);
        DROP TABLE bench_claims, bench_documents, bench_dense, bench_records;
        ANALYZE;
        """;

    /// <summary>
    /// One more batch of news: 1,000 claims about two countries, dated after everything else. Each claim finds its
    /// document by its content hash (unique, indexed): by name, a scan of every document a claim, it took about 48 s of
    /// the server at 1,000,000 claims, outside the measured runs (issue 14, session 14). The same documents, claims and ids.
    /// </summary>
    const string AddSql = """
        INSERT INTO documents (content_hash, origin, name, format, published, body)
        SELECT 'bench-new-' || d, 'bench', 'new-' || d, 'text', date '2024-01-10', '' FROM generate_series(0, 199) d;
        INSERT INTO claims (document_id, ordinal, outcome, victims, qualifier, value, low, high, source_id, source_name,
            perpetrator_side, place_id, start_date, start_precision, end_date, end_precision, cumulative, reported, quote)
        SELECT (SELECT id FROM documents WHERE content_hash = 'bench-new-' || (i / 5)), i % 5,
               CASE WHEN i % 10 < 8 THEN 'killed' ELSE 'injured' END, 'people', 'exact', 3 + i % 40, 3 + i % 40, 3 + i % 40,
               s.id, s.name, CASE i % 2 WHEN 0 THEN 'government' ELSE 'opposition' END, d.district_id,
               date '2024-01-09', 'day', date '2024-01-09', 'day', false, date '2024-01-10', 'generated'
        FROM generate_series(0, 999) i
        JOIN bench_districts d ON d.country_key = CASE WHEN i % 2 = 0 THEN 'c1' ELSE 'c2' END AND d.m = (i / 3) % 144
        JOIN sources s ON s.name = 'Source ' || (1 + i % 60);
        """;

    /// <summary>
    /// The I/O floor of the full run just made: what it reads of the claims, COPYed out (binary, discarded), and the
    /// result rows it wrote, dumped (untimed) and COPYed back (binary) into clones of the result tables with the same
    /// indexes, keys and triggers, in one transaction.
    /// </summary>
    private static async Task<(double Out, double In)> IoFloor(string name, NpgsqlDataSource dataSource, CancellationToken ct)
    {
        var scratch = Directory.CreateTempSubdirectory("casualties-reconcile-floor-").FullName;
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            var buffer = new byte[1 << 16];
            long bytesOut = 0;
            var copyOut = await Time(async () =>
            {
                await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
                await using (var dump = await connection.BeginRawBinaryCopyAsync(
                    $"COPY ({ClaimLoader.SelectSql} WHERE f.retired_at IS NULL) TO STDOUT (FORMAT BINARY)", ct))
                {
                    for (int read; (read = await dump.ReadAsync(buffer, ct)) > 0;) bytesOut += read;
                }
                await transaction.CommitAsync(ct);
            });
            foreach (var table in ResultTables)
            {
                await using var file = File.Create(Path.Combine(scratch, table + ".copy"));
                await using var dump = await connection.BeginRawBinaryCopyAsync($"COPY public.{table} TO STDOUT (FORMAT BINARY)", ct);
                await dump.CopyToAsync(file, ct);
            }
            await ExecuteOn(connection, "DROP SCHEMA IF EXISTS bench_floor CASCADE; CREATE SCHEMA bench_floor", ct);
            foreach (var table in ResultTables) await ExecuteOn(connection, $"CREATE TABLE bench_floor.{table} (LIKE public.{table} INCLUDING ALL)", ct);
            // Foreign keys (LIKE does not copy them) and triggers, retargeted at the clones.
            var definitions = await FloorClones.KeysAndTriggers(connection, ResultTables, ct);
            await ExecuteOn(connection, "SET search_path = bench_floor, public", ct);
            foreach (var definition in definitions) await ExecuteOn(connection, definition, ct);
            var bytesIn = ResultTables.Sum(t => new FileInfo(Path.Combine(scratch, t + ".copy")).Length);
            var copyIn = await Time(async () =>
            {
                await using var transaction = await connection.BeginTransactionAsync(ct);
                foreach (var table in ResultTables)
                {
                    await using var file = File.OpenRead(Path.Combine(scratch, table + ".copy"));
                    await using var copy = await connection.BeginRawBinaryCopyAsync($"COPY bench_floor.{table} FROM STDIN (FORMAT BINARY)", ct);
                    await file.CopyToAsync(copy, ct);
                }
                await transaction.CommitAsync(ct);
            });
            await ExecuteOn(connection, "RESET search_path; DROP SCHEMA bench_floor CASCADE", ct);
            Console.Error.WriteLine($"{name}: floor: claims out {copyOut:0.00} s ({bytesOut / 1e6:0} MB), results in {copyIn:0.00} s " +
                                    $"({bytesIn / 1e6:0} MB, {definitions.Count} foreign keys and triggers on the clones besides their indexes)");
            return (copyOut, copyIn);
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    /// <summary>
    /// The current results, table by table, as md5 of their rows in a fixed order without the surrogate ids and run
    /// numbers (members and figures by their incident's key): equal hashes before and after a change of the run's
    /// code mean the same stored results.
    /// </summary>
    public static async Task<string> ResultHashes(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        const string Sql = """
            SELECT 'incidents', count(*), md5(coalesce(string_agg(r::text, E'\n' ORDER BY r::text), '')) FROM (
                SELECT incident_key, fingerprint, partition_country, kind, outcome, place_key, start_date, start_precision, end_date,
                       end_precision, perpetrator_side, victims, low, best, high, has_consensus, consensus_low, consensus_high,
                       source_count, claim_count, contained_in_key, place_name
                FROM incidents WHERE valid_to_run IS NULL) r
            UNION ALL
            SELECT 'members', count(*), md5(coalesce(string_agg(r::text, E'\n' ORDER BY r::text), '')) FROM (
                SELECT i.incident_key, m.claim_id, m.victims, m.victim_side, m.rule, m.superseded
                FROM incident_members m JOIN incidents i ON i.incident_id = m.incident_id WHERE i.valid_to_run IS NULL) r
            UNION ALL
            SELECT 'figures', count(*), md5(coalesce(string_agg(r::text, E'\n' ORDER BY r::text), '')) FROM (
                SELECT i.incident_key, f.victims, f.victim_side, f.headline, f.low, f.best, f.high, f.has_consensus,
                       f.consensus_low, f.consensus_high, f.source_count
                FROM incident_figures f JOIN incidents i ON i.incident_id = f.incident_id WHERE i.valid_to_run IS NULL) r
            UNION ALL
            SELECT 'totals', count(*), md5(coalesce(string_agg(r::text, E'\n' ORDER BY r::text), '')) FROM (
                SELECT fingerprint, partition_country, perpetrator_side, outcome, victims, victim_side, place_key, period,
                       period_start, period_end, low, best, high, method, incident_count
                FROM side_totals WHERE valid_to_run IS NULL) r
            UNION ALL
            SELECT 'flags', count(*), md5(coalesce(string_agg(r::text, E'\n' ORDER BY r::text), '')) FROM (
                SELECT fingerprint, partition_country, outcome, kind, severity, incident_key, place_key, claim_ids, sources, explanation
                FROM flags WHERE valid_to_run IS NULL) r
            """;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var command = new NpgsqlCommand(Sql, connection) { CommandTimeout = 0 };
        await using var reader = await command.ExecuteReaderAsync(ct);
        var parts = new List<string>();
        while (await reader.ReadAsync(ct)) parts.Add($"{reader.GetString(0)} {reader.GetInt64(1):#,0} {reader.GetString(2)[..12]}");
        return string.Join(", ", parts);
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static async Task ExecuteOn(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(ct);
    }

    private static string Phases(ReconcileSummary summary) =>
        string.Join(", ", summary.Phases.Select(p => $"{p.Key} {p.Value.Elapsed.TotalSeconds:0.00} s (cpu {p.Value.Cpu.TotalSeconds:0.00})"));

    private static async Task<double> Time(Func<Task> action)
    {
        var watch = Stopwatch.StartNew();
        await action();
        return watch.Elapsed.TotalSeconds;
    }

    private static async Task Execute(NpgsqlDataSource dataSource, string sql, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 0 };
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        do
        {
            while (await reader.ReadAsync(ct)) { }
        }
        while (await reader.NextResultAsync(ct));
    }

    private static async Task<NpgsqlDataSource> FreshDatabase(CancellationToken ct)
    {
        var options = DatabaseOptions.Resolve(null, null);
        var server = options.ConnectionString ?? await new EmbeddedPostgres(EmbeddedPostgres.DefaultHome()).EnsureStarted(ct);
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
}
