using System.Diagnostics;
using System.Globalization;
using Casualties.Ingestion;
using Casualties.Ingestion.Reference;
using Casualties.Postgres;
using Casualties.Postgres.Migrations;
using Casualties.Postgres.Reference;
using Casualties.Testing;
using Npgsql;

namespace Casualties.Benchmarks;

/// <summary>
/// ingest, ingest-acled, ingest-raw (rows/s, issue 18): N generated UCDP GED (or ACLED) rows through
/// <c>casualties ingest</c>'s code, beside two baselines measured in the same run on the same server:
/// <list type="bullet">
/// <item>the <b>write floor</b>: the very rows that ingest stored (documents, feed_records, claims), dumped by binary
/// COPY and written back by binary COPY into clones <c>LIKE … INCLUDING ALL</c> (same indexes, constraints, keys)
/// with the same triggers (the reference checks, 0011's change log into a cloned reconcile_changes, 0014's parent
/// links), in one transaction — the server's own cost of what ingestion must store, with no client work at all;</item>
/// <item><b>raw COPY</b> of the CSV into a bare table of all its columns as text (context).</item>
/// </list>
/// The floor into bare clones (no indexes, keys or triggers) is printed too. Runs in a scratch database beside the
/// target one (created and dropped here), with the reference data of seeds/.
/// </summary>
public static class IngestBenchmark
{
    public const string GedName = "ingest";
    public const string AcledName = "ingest-acled";
    public const string RawName = "ingest-raw";

    private static readonly string[] StoredTables = ["documents", "feed_records", "claims"];

    public static Task<BenchmarkResult> Ged(int? size) => Run(GedName, acled: false, againstRaw: false, size);

    public static Task<BenchmarkResult> Acled(int? size) => Run(AcledName, acled: true, againstRaw: false, size);

    public static Task<BenchmarkResult> Raw(int? size) => Run(RawName, acled: false, againstRaw: true, size);

    private static async Task<BenchmarkResult> Run(string name, bool acled, bool againstRaw, int? size)
    {
        var rows = size ?? 1_000_000;
        // The database first: a failure there (it was the second benchmark of one process, issue 18) leaves no folder behind.
        await using var bench = await ScratchDatabase.Create();
        var scratch = Directory.CreateTempSubdirectory("casualties-bench-ingest-").FullName;
        try
        {
            var path = Path.Combine(scratch, acled ? "acled.csv" : "ged.csv");
            if (acled) GeneratedFeeds.WriteAcled(path, rows);
            else GeneratedFeeds.WriteGed(path, rows);
            Console.Error.WriteLine($"{name}: load average {LoadAverage()} before the run");

            await Measure(name, "parse only (the same reader and reference data, no database; JIT warm-up included)",
                () => ParseOnly(bench.DataSource, path, acled), bench.DataSource);
            var (ingestSeconds, peak) = await Measure(name, "ingest", () => Ingest(bench.DataSource, path), bench.DataSource);
            var stored = await StoredCounts(bench.DataSource);
            if (Environment.GetEnvironmentVariable("CASUALTIES_BENCH_HASH") == "1")
                Console.Error.WriteLine($"{name}: stored rows hash {await StoredHash(bench.DataSource)}");
            var floorSeconds = await Floor(name, bench.DataSource, scratch);
            var (rawSeconds, _) = await Measure(name, "raw COPY of the CSV", () => RawCopy(bench.DataSource, path), bench.DataSource);

            var value = rows / ingestSeconds;
            var floor = rows / floorSeconds;
            var raw = rows / rawSeconds;
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name}: {rows:N0} rows stored as {stored}; ingest {value:N0} rows/s ({ingestSeconds:0.00} s), write floor {floor:N0} rows/s " +
                $"({floorSeconds:0.00} s), raw COPY {raw:N0} rows/s ({rawSeconds:0.00} s); ratio {value / floor:0.00} of the floor, " +
                $"{value / raw:0.00} of raw COPY; peak memory {peak:N0} MB; load average {LoadAverage()}"));
            return againstRaw
                ? new BenchmarkResult(name, "rows/s", value, rows, "raw COPY of the CSV", raw, value / raw, peak)
                : new BenchmarkResult(name, "rows/s", value, rows, "write floor (stored rows by binary COPY)", floor, value / floor, peak);
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    private static async Task Ingest(NpgsqlDataSource dataSource, string path)
    {
        var summary = await new Ingestor(dataSource).IngestPaths([path], new IngestOptions { Trigger = "benchmark" }, CancellationToken.None);
        if (summary.Quarantined > 0 || summary.Records == 0)
            throw new InvalidOperationException($"The benchmark input did not ingest cleanly: {summary.Describe()}");
    }

    /// <summary>Diagnostic: the client's share — the file read into records and claims by the ingest's reader, nothing stored.</summary>
    private static async Task ParseOnly(NpgsqlDataSource dataSource, string path, bool acled)
    {
        var stored = new ReferenceDataReader(dataSource);
        var reference = await stored.Read(CancellationToken.None);
        var victimGroups = await stored.VictimGroups(CancellationToken.None);
        var context = new Casualties.Ingestion.Feeds.FeedContext(path, new Casualties.Ingestion.Resolution.ReferenceResolver(reference), victimGroups, new IngestOptions());
        using var text = new Casualties.Ingestion.Input.TolerantUtf8().Reader(File.OpenRead(path));
        using var csv = Casualties.Ingestion.Input.CsvInput.Open(text);
        Casualties.Ingestion.Feeds.CsvFeedReader reader = acled ? new Casualties.Ingestion.Feeds.AcledReader() : new Casualties.Ingestion.Feeds.UcdpGedReader();
        long claims = 0;
        foreach (var item in reader.Read(csv, context)) claims += item.Claims.Count;
        if (claims == 0) throw new InvalidOperationException("The benchmark input gave no claims.");
    }

    /// <summary>
    /// The write floor: the stored rows dumped by binary COPY, then written back by binary COPY into clones with the
    /// same indexes, keys and triggers (timed, one transaction), and into bare clones (printed).
    /// </summary>
    private static async Task<double> Floor(string name, NpgsqlDataSource dataSource, string scratch)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        foreach (var table in StoredTables)
        {
            await using var file = File.Create(Path.Combine(scratch, table + ".copy"));
            await using var dump = await connection.BeginRawBinaryCopyAsync($"COPY public.{table} TO STDOUT (FORMAT BINARY)");
            await dump.CopyToAsync(file);
        }
        await Execute(connection, "DROP SCHEMA IF EXISTS bench_floor, bench_bare CASCADE; CREATE SCHEMA bench_floor; CREATE SCHEMA bench_bare");
        foreach (var table in StoredTables.Append("reconcile_changes"))
        {
            await Execute(connection, $"CREATE TABLE bench_floor.{table} (LIKE public.{table} INCLUDING ALL)");
            await Execute(connection, $"CREATE TABLE bench_bare.{table} (LIKE public.{table})");
        }
        // Foreign keys (LIKE does not copy them) and triggers, retargeted at the clones.
        var definitions = await FloorClones.KeysAndTriggers(connection, StoredTables);
        await Execute(connection, "SET search_path = bench_floor, public");
        foreach (var definition in definitions) await Execute(connection, definition);
        Console.Error.WriteLine($"{name}: floor clones carry {definitions.Count} foreign keys and triggers besides their indexes");

        if (Environment.GetEnvironmentVariable("CASUALTIES_BENCH_ABLATE") == "1")
        {
            // Each replay is rolled back; TRUNCATE then gives the timed floor fresh, empty clones again.
            await Ablate(name, connection, dataSource, scratch);
            await Execute(connection, "TRUNCATE bench_floor.claims, bench_floor.feed_records, bench_floor.documents, bench_floor.reconcile_changes");
        }
        var (seconds, _) = await Measure(name, "write floor (stored rows into clones with their indexes, keys and triggers)",
            () => Replay(connection, "bench_floor", scratch), dataSource);
        await Execute(connection, "SET search_path = bench_bare, public");
        await Measure(name, "stored rows into bare clones (no indexes, keys or triggers)", () => Replay(connection, "bench_bare", scratch), dataSource);
        await Execute(connection, "RESET search_path; DROP SCHEMA bench_floor, bench_bare CASCADE");
        return seconds;
    }

    /// <summary>
    /// Diagnostic (CASUALTIES_BENCH_ABLATE=1): the floor again without each of its triggers and foreign keys in turn
    /// (dropped inside a transaction that is rolled back), so each one's share of the write path is seen. Indexes and
    /// unique keys stay: the triggers probe records and claims through them, and without one a probe becomes a scan.
    /// </summary>
    private static async Task Ablate(string name, NpgsqlConnection connection, NpgsqlDataSource dataSource, string scratch)
    {
        var parts = new List<(string What, string Drop)>();
        await using (var command = new NpgsqlCommand("""
            SELECT format('trigger %s on %s', t.tgname, t.tgrelid::regclass), format('DROP TRIGGER %I ON %s', t.tgname, t.tgrelid::regclass)
            FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'bench_floor' AND NOT t.tgisinternal
            UNION ALL
            SELECT format('constraint %s on %s', k.conname, k.conrelid::regclass), format('ALTER TABLE %s DROP CONSTRAINT %I', k.conrelid::regclass, k.conname)
            FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'bench_floor' AND k.contype = 'f'
            """, connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) parts.Add((reader.GetString(0), reader.GetString(1)));
        }
        foreach (var (what, drop) in parts)
        {
            await using var transaction = await connection.BeginTransactionAsync();
            await Execute(connection, drop);
            await Measure(name, "write floor without " + what, () => CopyAll(connection, "bench_floor", scratch), dataSource);
            await transaction.RollbackAsync();
        }
    }

    private static async Task Replay(NpgsqlConnection connection, string schema, string scratch)
    {
        await using var transaction = await connection.BeginTransactionAsync();
        await CopyAll(connection, schema, scratch);
        await transaction.CommitAsync();
    }

    private static async Task CopyAll(NpgsqlConnection connection, string schema, string scratch)
    {
        foreach (var table in StoredTables)
        {
            await using var file = File.OpenRead(Path.Combine(scratch, table + ".copy"));
            await using var copy = await connection.BeginRawBinaryCopyAsync($"COPY {schema}.{table} FROM STDIN (FORMAT BINARY)");
            await file.CopyToAsync(copy);
        }
    }

    /// <summary>Context: the CSV as it is, every column text, by COPY into a bare table.</summary>
    private static async Task RawCopy(NpgsqlDataSource dataSource, string path)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var header = File.ReadLines(path).First().Split(',');
        await Execute(connection, $"DROP TABLE IF EXISTS bench_raw; CREATE TABLE bench_raw ({string.Join(", ", header.Select(h => $"\"{h}\" text"))})");
        await using (var copy = await connection.BeginTextImportAsync("COPY bench_raw FROM STDIN (FORMAT csv, HEADER true)"))
        using (var file = File.OpenText(path))
        {
            var buffer = new char[1 << 16];
            int read;
            while ((read = await file.ReadAsync(buffer)) > 0) await copy.WriteAsync(buffer, 0, read);
        }
        await Execute(connection, "DROP TABLE bench_raw");
    }

    private static async Task<string> StoredCounts(NpgsqlDataSource dataSource)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand("""
            SELECT format('%s documents, %s feed_records, %s claims (%s with a parent), %s change-log rows',
                (SELECT count(*) FROM documents), (SELECT count(*) FROM feed_records), (SELECT count(*) FROM claims),
                (SELECT count(*) FROM claims WHERE parent_id IS NOT NULL), (SELECT count(*) FROM reconcile_changes))
            """, connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>
    /// Diagnostic (CASUALTIES_BENCH_HASH=1): an MD5 of what the ingest stored, without ids, run ids and times, and with
    /// references as the keys they name (record, parent claim, source, place), so two builds' ingests of the same file compare.
    /// </summary>
    private static async Task<string> StoredHash(NpgsqlDataSource dataSource)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand("""
            SELECT format('feed_records %s, claims %s',
                (SELECT md5(string_agg(t, E'\n' ORDER BY t)) FROM (
                    SELECT row(dataset, record_key, version, content_hash, regexp_replace(origin, '^.*/', ''), line, event_key,
                               retired_at, details, flags, parent_key)::text AS t FROM feed_records) r),
                (SELECT md5(string_agg(t, E'\n' ORDER BY t)) FROM (
                    SELECT row(f.dataset, f.record_key, c.document_id IS NOT NULL, c.ordinal, c.outcome, c.victims, c.victim_side,
                               c.qualifier, c.value, c.low, c.high, c.best, c.phrase, c.parent_ordinal, s.name, c.source_name,
                               c.perpetrator, c.perpetrator_side, pl.key, c.place_name, c.latitude, c.longitude, c.start_date,
                               c.start_precision, c.end_date, c.end_precision, c.cumulative, c.reported, c.quote, c.span_start,
                               c.span_end, c.confidence, c.place_scope, p.ordinal, pp.key)::text AS t
                    FROM claims c LEFT JOIN feed_records f ON f.id = c.record_id LEFT JOIN claims p ON p.id = c.parent_id
                    LEFT JOIN sources s ON s.id = c.source_id LEFT JOIN places pl ON pl.id = c.place_id
                    LEFT JOIN places pp ON pp.id = c.place_parent_id) c))
            """, connection) { CommandTimeout = 0 };
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<(double Seconds, double PeakMb)> Measure(string name, string what, Func<Task> work, NpgsqlDataSource server)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        PeakMemory.Reset();
        var serverCpu = await ServerCpu.Used(server, CancellationToken.None);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var gc = GcWork.Now();
        var clock = Stopwatch.StartNew();
        await work();
        var seconds = clock.Elapsed.TotalSeconds;
        var gcWork = GcWork.Now() - gc;
        var peak = PeakMemory.Megabytes();
        var serverSeconds = serverCpu is { } before && await ServerCpu.Used(server, CancellationToken.None) is { } after
            ? string.Create(CultureInfo.InvariantCulture, $", {(after - before).TotalSeconds:0.00} s in the PostgreSQL server") : "";
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: {what} took {seconds:0.00} s, {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:0.00} s of CPU in this process{serverSeconds}, peak memory {peak:N0} MB; {gcWork}"));
        return (seconds, peak);
    }

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>A database of its own on the target server, migrated and seeded from seeds/; dropped on dispose.</summary>
    internal sealed class ScratchDatabase(string server, string name, NpgsqlDataSource dataSource) : IAsyncDisposable
    {
        public NpgsqlDataSource DataSource { get; } = dataSource;

        public static async Task<ScratchDatabase> Create()
        {
            await using var target = await Database.Open(DatabaseOptions.Resolve(null, null));
            var server = new NpgsqlConnectionStringBuilder(target.ConnectionString) { Database = "postgres" }.ConnectionString;
            var name = "casualties_bench_" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
            await Run(server, $"DROP DATABASE IF EXISTS \"{name}\"");
            await Run(server, $"CREATE DATABASE \"{name}\"");
            var dataSource = Database.FromConnectionString(new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString);
            await new Migrator(dataSource).Migrate();
            await new ReferenceDataStore(dataSource).Load(SeedFiles.Load());
            return new ScratchDatabase(server, name, dataSource);
        }

        public async ValueTask DisposeAsync()
        {
            await DataSource.DisposeAsync();
            NpgsqlConnection.ClearAllPools();
            await Run(server, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        }

        private static async Task Run(string connectionString, string sql)
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
