using System.Diagnostics;
using System.Globalization;
using Casualties.Ingestion;
using Casualties.Postgres;
using Casualties.Postgres.Migrations;
using Casualties.Postgres.Reference;
using Casualties.Testing;
using Npgsql;
using NpgsqlTypes;
using Sylvan.Data.Csv;

namespace Casualties.Benchmarks;

/// <summary>
/// ingest (rows/s): N generated claim rows of our own CSV format through the whole pipeline (parse, validate,
/// resolve, binary COPY to staging, set-based merge into feed_records and claims with their indexes and keys),
/// beside the baseline in the same run: the same CSV read with the same parser and binary-COPYed as typed values
/// into a bare table (no keys, no indexes). Peak memory is measured at 100,000 rows and at N: flat means streaming.
/// Runs in a scratch database beside the target one (created and dropped here).
/// </summary>
public static class IngestBenchmark
{
    private const int SmallRows = 100_000;

    const string BareTableSql = """
        DROP TABLE IF EXISTS bench_bare;
        CREATE UNLOGGED TABLE bench_bare (dataset text, record_key text, version text, reported date, outcome text,
            victims text, qualifier text, value integer, source_name text, place_name text, start_date date,
            end_date date, quote text)
        """;

    const string BareCopySql = """
        COPY bench_bare (dataset, record_key, version, reported, outcome, victims, qualifier, value, source_name,
            place_name, start_date, end_date, quote) FROM STDIN (FORMAT BINARY)
        """;

    public static async Task<BenchmarkResult> Run(int? size)
    {
        var rows = size ?? 1_000_000;
        var scratch = Directory.CreateTempSubdirectory("casualties-bench-ingest-").FullName;
        await using var bench = await ScratchDatabase.Create();
        try
        {
            var small = Path.Combine(scratch, "small.csv");
            var large = Path.Combine(scratch, "large.csv");
            GeneratedClaims.WriteFile(small, Math.Min(SmallRows, rows));
            GeneratedClaims.WriteFile(large, rows);

            var (_, peakSmall) = await Measure(() => Ingest(bench.DataSource, small));
            await Reset(bench.DataSource);

            var (baselineSeconds, _) = await Measure(() => RawCopy(bench.DataSource, large), "raw COPY", bench.DataSource);
            var (ingestSeconds, peakLarge) = await Measure(() => Ingest(bench.DataSource, large), "ingest", bench.DataSource);

            var value = rows / ingestSeconds;
            var baseline = rows / baselineSeconds;
            var floor = await StoredRowsFloor(bench.DataSource);
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"ingest: the server alone writes the stored rows (feed_records and claims) into bare tables of their shape in {floor:0.00} s, " +
                $"so no pipeline over this schema can exceed a ratio of {baselineSeconds / floor:0.00} here"));
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"ingest: {value:N0} rows/s; raw binary COPY {baseline:N0} rows/s; ratio {value / baseline:0.00}; " +
                $"peak memory {peakSmall:N0} MB at {Math.Min(SmallRows, rows):N0} rows, {peakLarge:N0} MB at {rows:N0} rows"));
            return new BenchmarkResult("ingest", "rows/s", value, rows, "raw binary COPY", baseline, value / baseline, peakLarge);
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

    /// <summary>The baseline: the same file, the same parser, typed values straight into a bare table.</summary>
    private static async Task RawCopy(NpgsqlDataSource dataSource, string path)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using (var create = new NpgsqlCommand(BareTableSql, connection)) await create.ExecuteNonQueryAsync();
        using var csv = CsvDataReader.Create(path, new CsvDataReaderOptions { HasHeaders = true, BufferSize = 1 << 16 });
        await using var copy = await connection.BeginBinaryImportAsync(BareCopySql);
        while (csv.Read())
        {
            copy.StartRow();
            for (var i = 0; i < 13; i++)
            {
                switch (i)
                {
                    case 3 or 10 or 11:
                        copy.Write(DateOnly.ParseExact(csv.GetFieldSpan(i), "yyyy-MM-dd", CultureInfo.InvariantCulture), NpgsqlDbType.Date);
                        break;
                    case 7:
                        copy.Write(int.Parse(csv.GetFieldSpan(i), CultureInfo.InvariantCulture), NpgsqlDbType.Integer);
                        break;
                    default:
                        copy.Write(csv.GetString(i), NpgsqlDbType.Text);
                        break;
                }
            }
        }
        await copy.CompleteAsync();
    }

    private static async Task<(double Seconds, double PeakMb)> Measure(Func<Task> work, string? name = null, NpgsqlDataSource? server = null)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        PeakMemory.Reset();
        var serverCpu = server is null ? null : await ServerCpu.Used(server, CancellationToken.None);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await work();
        var seconds = clock.Elapsed.TotalSeconds;
        if (name is not null)
        {
            var serverSeconds = serverCpu is { } before && await ServerCpu.Used(server!, CancellationToken.None) is { } after
                ? string.Create(CultureInfo.InvariantCulture, $", {(after - before).TotalSeconds:0.00} s in the PostgreSQL server") : "";
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"ingest: {name} took {seconds:0.00} s, {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:0.00} s of CPU in this process{serverSeconds}"));
        }
        return (seconds, PeakMemory.Megabytes());
    }

    /// <summary>
    /// Diagnostic: the server's own cost of writing the rows ingest stores, with no keys, indexes, checks or client:
    /// INSERT ... SELECT of feed_records and claims into bare tables of their shape.
    /// </summary>
    private static async Task<double> StoredRowsFloor(NpgsqlDataSource dataSource)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using (var create = new NpgsqlCommand("""
            DROP TABLE IF EXISTS bench_records, bench_claims;
            CREATE TABLE bench_records (LIKE feed_records);
            CREATE TABLE bench_claims (LIKE claims);
            """, connection)) await create.ExecuteNonQueryAsync();
        var clock = Stopwatch.StartNew();
        await using (var copy = new NpgsqlCommand("""
            INSERT INTO bench_records SELECT * FROM feed_records;
            INSERT INTO bench_claims SELECT * FROM claims;
            """, connection) { CommandTimeout = 0 }) await copy.ExecuteNonQueryAsync();
        var seconds = clock.Elapsed.TotalSeconds;
        await using (var drop = new NpgsqlCommand("DROP TABLE bench_records, bench_claims", connection)) await drop.ExecuteNonQueryAsync();
        return seconds;
    }

    private static async Task Reset(NpgsqlDataSource dataSource)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand("TRUNCATE claims, feed_records, quarantine CASCADE", connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>A database of its own on the target server, migrated, with the default victim groups; dropped on dispose.</summary>
    private sealed class ScratchDatabase(string server, string name, NpgsqlDataSource dataSource) : IAsyncDisposable
    {
        public NpgsqlDataSource DataSource { get; } = dataSource;

        public static async Task<ScratchDatabase> Create()
        {
            await using var target = await Database.Open(DatabaseOptions.Resolve(null, null));
            var server = new NpgsqlConnectionStringBuilder(target.ConnectionString) { Database = "postgres" }.ConnectionString;
            var name = "casualties_bench_" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
            await Execute(server, $"DROP DATABASE IF EXISTS \"{name}\"");
            await Execute(server, $"CREATE DATABASE \"{name}\"");
            var dataSource = Database.FromConnectionString(new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString);
            await new Migrator(dataSource).Migrate();
            await new ReferenceDataStore(dataSource).Load(Domain.Reference.ReferenceData.Empty);
            return new ScratchDatabase(server, name, dataSource);
        }

        public async ValueTask DisposeAsync()
        {
            await DataSource.DisposeAsync();
            NpgsqlConnection.ClearAllPools();
            await Execute(server, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        }

        private static async Task Execute(string connectionString, string sql)
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
