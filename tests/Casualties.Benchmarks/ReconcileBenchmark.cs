using System.Diagnostics;
using Casualties.Postgres;
using Casualties.Postgres.Embedded;
using Casualties.Postgres.Migrations;
using Casualties.Postgres.Reconciliation;
using Npgsql;

namespace Casualties.Benchmarks;

/// <summary>
/// reconcile-full: a full reconcile of N generated claims (default 1,000,000) beside one GROUP BY aggregate over the
/// same claims table; reconcile-incremental: an incremental reconcile after adding 1,000 claims beside that full
/// reconcile. Both measured on one fresh database (casualties_bench_reconcile) of the embedded default or the
/// server of ConnectionStrings__Casualties, prepared once per size and shared by the two.
/// </summary>
/// <remarks>
/// The claims: 40 countries of 8 regions, 6 cities and 3 districts each; 60 sources of differing reliability;
/// ten years; five claims to a document. Three sources report each event (one district, one day, one outcome
/// and perpetrator side, figures that differ and are sometimes open-ended); one group in ten is instead a
/// source's running tally of a city (or, one in five of those, of the whole country) updated three times.
/// The 1,000 added claims are one more batch of news about two of the countries, the way a feed delivers them.
/// </remarks>
public static class ReconcileBenchmark
{
    public const string FullName = "reconcile-full";
    public const string IncrementalName = "reconcile-incremental";
    public const int DefaultSize = 1_000_000;
    public const int AddedClaims = 1_000;
    private const string DatabaseName = "casualties_bench_reconcile";

    private static readonly Dictionary<int, Task<(BenchmarkResult Full, BenchmarkResult Incremental)>> Runs = [];

    public static BenchmarkResult Run(int? size) => RunAsync(size).GetAwaiter().GetResult();

    public static BenchmarkResult RunIncremental(int? size) => RunIncrementalAsync(size).GetAwaiter().GetResult();

    public static async Task<BenchmarkResult> RunAsync(int? size) => (await Both(size ?? DefaultSize)).Full;

    public static async Task<BenchmarkResult> RunIncrementalAsync(int? size) => (await Both(size ?? DefaultSize)).Incremental;

    private static Task<(BenchmarkResult Full, BenchmarkResult Incremental)> Both(int size)
    {
        lock (Runs)
        {
            if (!Runs.TryGetValue(size, out var run)) Runs[size] = run = Measure(size, CancellationToken.None);
            return run;
        }
    }

    private static async Task<(BenchmarkResult Full, BenchmarkResult Incremental)> Measure(int size, CancellationToken ct)
    {
        await using var dataSource = await FreshDatabase(ct);
        await new Migrator(dataSource).Migrate(ct);
        Console.Error.WriteLine($"reconcile: generating {size:#,0} claims...");
        await Execute(dataSource, GenerateSql.Replace("@Size", size.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal), ct);

        await Execute(dataSource, GroupBySql, ct);
        var groupBy = await Time(() => Execute(dataSource, GroupBySql, ct));
        Console.Error.WriteLine($"reconcile: one GROUP BY over the claims {groupBy:0.00} s");

        GC.Collect();
        PeakMemory.Reset();
        ReconcileSummary fullSummary = null!;
        var serverCpu = await ServerCpu.Used(dataSource, ct);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var (gen0, gen1, gen2, pause) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());
        var full = await Time(async () => fullSummary = await new ReconciliationRunner(dataSource).Run(full: true, ct));
        Console.Error.WriteLine($"reconcile: full used {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:0.00} s of CPU in this process; " +
                                $"GCs {GC.CollectionCount(0) - gen0}/{GC.CollectionCount(1) - gen1}/{GC.CollectionCount(2) - gen2} (gen 0/1/2), paused {(GC.GetTotalPauseDuration() - pause).TotalSeconds:0.00} s");
        var fullPeak = PeakMemory.Megabytes();
        if (serverCpu is { } before && await ServerCpu.Used(dataSource, ct) is { } after)
            Console.Error.WriteLine($"reconcile: full used {(after - before).TotalSeconds:0.00} s of CPU in the PostgreSQL server");
        Console.Error.WriteLine($"reconcile: full {full:0.00} s ({fullSummary.Incidents:#,0} incidents, {fullSummary.Flags:#,0} flags, peak {fullPeak:0} MB)");
        Console.Error.WriteLine($"reconcile: full phases {Phases(fullSummary)}");

        await Execute(dataSource, AddSql, ct);
        PeakMemory.Reset();
        ReconcileSummary incrementalSummary = null!;
        var incremental = await Time(async () => incrementalSummary = await new ReconciliationRunner(dataSource).Run(full: false, ct));
        var incrementalPeak = PeakMemory.Megabytes();
        Console.Error.WriteLine($"reconcile: incremental {incremental:0.00} s after adding {AddedClaims:#,0} claims " +
                                $"({incrementalSummary.Partitions} partitions, {incrementalSummary.ClaimsRead:#,0} claims read, {incrementalSummary.RowsChanged:#,0} rows changed)");
        Console.Error.WriteLine($"reconcile: incremental phases {Phases(incrementalSummary)}");

        return (new BenchmarkResult(FullName, "s", full, size, "one GROUP BY over the same claims", groupBy, groupBy / full, fullPeak),
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
        SELECT i, i / 3 AS g, i % 3 AS k FROM generate_series(0, @Size - 1) i;
        INSERT INTO documents (content_hash, origin, name, format, published, body)
        SELECT 'bench-' || d, 'bench', 'doc-' || d, 'text', date '2014-01-01' + (d % 3650), '' FROM generate_series(0, (@Size - 1) / 5) d;
        CREATE TABLE bench_documents AS SELECT row_number() OVER (ORDER BY id) - 1 AS n, id FROM documents;
        INSERT INTO claims (document_id, ordinal, outcome, victims, qualifier, value, low, high, source_id, source_name,
            perpetrator_side, place_id, start_date, start_precision, end_date, end_precision, cumulative, reported, quote)
        SELECT doc.id, c.i % 5,
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
        FROM (SELECT *, g % 10 = 9 AS tally, date '2014-01-01' + (g * 13 % 3650) AS day,
                     CASE WHEN g % 10 = 9 THEN 50 + 30 * k + g % 40 ELSE 10 + g % 80 END AS figure
              FROM bench_claims) c
        JOIN bench_districts d ON d.n = (c.g * 31) % (SELECT count(*) FROM bench_districts)
        JOIN bench_documents doc ON doc.n = c.i / 5
        JOIN sources s ON s.name = 'Source ' || (1 + CASE WHEN c.g % 10 = 9 THEN c.g % 60 ELSE (c.g + c.k * 17) % 60 END);
        DROP TABLE bench_claims, bench_documents;
        ANALYZE;
        """;

    /// <summary>One more batch of news: 1,000 claims about two countries, dated after everything else.</summary>
    const string AddSql = """
        INSERT INTO documents (content_hash, origin, name, format, published, body)
        SELECT 'bench-new-' || d, 'bench', 'new-' || d, 'text', date '2024-01-10', '' FROM generate_series(0, 199) d;
        INSERT INTO claims (document_id, ordinal, outcome, victims, qualifier, value, low, high, source_id, source_name,
            perpetrator_side, place_id, start_date, start_precision, end_date, end_precision, cumulative, reported, quote)
        SELECT (SELECT id FROM documents WHERE name = 'new-' || (i / 5)), i % 5,
               CASE WHEN i % 10 < 8 THEN 'killed' ELSE 'injured' END, 'people', 'exact', 3 + i % 40, 3 + i % 40, 3 + i % 40,
               s.id, s.name, CASE i % 2 WHEN 0 THEN 'government' ELSE 'opposition' END, d.district_id,
               date '2024-01-09', 'day', date '2024-01-09', 'day', false, date '2024-01-10', 'generated'
        FROM generate_series(0, 999) i
        JOIN bench_districts d ON d.country_key = CASE WHEN i % 2 = 0 THEN 'c1' ELSE 'c2' END AND d.m = (i / 3) % 144
        JOIN sources s ON s.name = 'Source ' || (1 + i % 60);
        """;

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
