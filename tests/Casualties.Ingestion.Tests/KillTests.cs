using System.Diagnostics;
using System.Globalization;
using Casualties.Testing;
using Dapper;
using Npgsql;
using NUnit.Framework;

namespace Casualties.Ingestion.Tests;

/// <summary>
/// A <c>casualties ingest</c> child process killed with SIGKILL at several points of the pipeline (issue 18) — while
/// its first document batch is open, after some document batches, while feed rows are read and written, after some
/// feed batches — and run again after each kill: the database ends exactly as one clean run leaves it (documents,
/// records, claims with their parents, quarantine, and the partitions the change log names).
/// </summary>
[Property("Issue", "18")]
public sealed class KillTests : IngestFixture
{
    private const int Articles = 900;
    private const int GedRows = 40_000;
    private const int BatchSize = 2_000;
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);

    [Test]
    public async Task Ingest_killed_at_several_points_then_rerun_ends_identical_to_a_clean_run()
    {
        var folder = Path.Combine(Scratch, "inbox");
        Directory.CreateDirectory(folder);
        for (var i = 0; i < Articles; i++)
        {
            File.WriteAllText(Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"a-{i:D4}.txt")), string.Create(CultureInfo.InvariantCulture,
                $" date 2016-12-{i % 28 + 1:D2} Dispatch {i}. The Syrian Observatory for Human Rights said {i + 3} civilians were killed in Syria, " +
                $"including {i % 4 + 1} children. {(i == 333 ? "" : "Medics said 4 people were wounded.")}"));
        }
        File.WriteAllText(Path.Combine(folder, "a-0500.txt"), "No date here: 5 people were killed.");
        GeneratedFeeds.WriteGed(Path.Combine(folder, "b-ged.csv"), GedRows);

        // Each point: what the database shows when the child is killed (it is polled, never waited on by the clock).
        var points = new (string Name, string Sql, long Below)[]
        {
            ("the run started, no document batch committed", "SELECT count(*) FROM ingest_runs WHERE status = 'running'", long.MaxValue),
            ("some document batches committed", "SELECT count(*) FROM documents", Articles - 1),
            ("the feed begun", "SELECT count(*) FROM feed_records", GedRows),
            ("several feed batches committed", $"SELECT count(*) / {4 * BatchSize} FROM feed_records", GedRows / (4 * BatchSize)),
        };
        var killedAt = new List<string>();
        foreach (var (name, sql, below) in points)
        {
            if (await KillWhen(folder, sql, below)) killedAt.Add(name);
        }
        Assert.That(killedAt, Has.Count.GreaterThanOrEqualTo(3), "killed at: " + string.Join("; ", killedAt));

        await RunToEnd(Database.ConnectionString, folder);
        await using var clean = await OtherDatabase();
        await RunToEnd(clean.ConnectionString, folder);

        var recovered = await State();
        Assert.That(recovered.Records, Is.EqualTo(GedRows));
        Assert.That(recovered.Documents, Is.EqualTo(Articles - 1));
        Assert.That(recovered, Is.EqualTo(await DatabaseState.Of(clean.DataSource)));
        Assert.That(await ChangedPartitions(Database.DataSource), Is.EqualTo(await ChangedPartitions(clean.DataSource)));
    }

    /// <summary>
    /// The feed pipeline held at each of its stages (PausePoint, CASUALTIES_PAUSE_AT) and killed there: before the
    /// run's first COPY, inside an open COPY with rows sent, with a batch written but not committed, and right after a
    /// commit. After each kill the database holds exactly the batches committed before it (none is half there); run
    /// again, it ends as a clean run does.
    /// </summary>
    [Test]
    public async Task Feed_killed_at_each_stage_of_its_pipeline_then_rerun_ends_identical_to_a_clean_run()
    {
        var file = Path.Combine(Scratch, "ged.csv");
        GeneratedFeeds.WriteGed(file, GedRows);
        // Stage, batch, and how many records stand committed when the process is killed there.
        var stages = new (string Stage, int Batch, long Committed)[]
        {
            ("batch-open", 1, 0),
            ("mid-copy", 1, 0),
            ("before-commit", 2, BatchSize),
            ("after-commit", 2, 2 * BatchSize),
            ("mid-copy", 3, 2 * BatchSize),
        };
        foreach (var (stage, batch, committed) in stages)
        {
            var before = await Scalar<long>("SELECT count(*) FROM feed_records");
            await KillWhenPaused(file, $"{stage}@{batch}");
            // A rerun skips the records already stored, so a later kill's batches count from what stood before it.
            Assert.That(await Scalar<long>("SELECT count(*) FROM feed_records"), Is.EqualTo(Math.Max(before, committed)), $"{stage}@{batch}");
            Assert.That(await Scalar<long>("SELECT count(*) FROM claims c LEFT JOIN feed_records r ON r.id = c.record_id WHERE r.id IS NULL"),
                Is.Zero, "claims without their record");
        }

        await RunToEnd(Database.ConnectionString, file);
        await using var clean = await OtherDatabase();
        await RunToEnd(clean.ConnectionString, file);
        Assert.That(await Scalar<long>("SELECT count(*) FROM feed_records"), Is.EqualTo(GedRows));
        Assert.That(await State(), Is.EqualTo(await DatabaseState.Of(clean.DataSource)));
        Assert.That(await ChangedPartitions(Database.DataSource), Is.EqualTo(await ChangedPartitions(clean.DataSource)));
    }

    /// <summary>
    /// The document pipeline held at each of its stages and killed there: a batch's transaction begun with nothing
    /// written, a batch written but not committed, and a batch committed while the next is gathered and waiting
    /// (extraction runs ahead of the writer). After each kill exactly the batches committed before it stand, every
    /// document with all its claims; run again, the database ends as a clean run leaves it.
    /// </summary>
    [Test]
    public async Task Documents_killed_at_each_stage_of_their_pipeline_then_rerun_ends_identical_to_a_clean_run()
    {
        const int DocumentBatch = 256;
        var folder = Path.Combine(Scratch, "articles");
        Directory.CreateDirectory(folder);
        for (var i = 0; i < Articles; i++)
        {
            File.WriteAllText(Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"a-{i:D4}.txt")), string.Create(CultureInfo.InvariantCulture,
                $" date 2016-12-{i % 28 + 1:D2} Dispatch {i}. The Syrian Observatory for Human Rights said {i + 3} civilians were killed in Syria, " +
                $"including {i % 4 + 1} children. Medics said {i % 7 + 2} people were wounded."));
        }
        File.WriteAllText(Path.Combine(folder, "a-0300.txt"), "No date here: 5 people were killed.");
        // Stage, batch, and how many documents stand committed when the process is killed there (the second batch
        // holds the undated one, quarantined with its batch).
        var stages = new (string Stage, int Batch, long Committed)[]
        {
            ("documents-open", 1, 0),
            ("documents-before-commit", 1, 0),
            ("documents-after-commit", 1, DocumentBatch),
            ("documents-before-commit", 2, DocumentBatch),
            ("documents-after-commit", 2, 2 * DocumentBatch - 1),
            ("documents-open", 3, 2 * DocumentBatch - 1),
        };
        foreach (var (stage, batch, committed) in stages)
        {
            var before = await Scalar<long>("SELECT count(*) FROM documents");
            await KillWhenPaused(folder, $"{stage}@{batch}");
            // A rerun's batches hold the same documents (a stored one is a duplicate), so a later kill's count is
            // what its batches committed or what stood before, whichever is more.
            Assert.That(await Scalar<long>("SELECT count(*) FROM documents"), Is.EqualTo(Math.Max(before, committed)), $"{stage}@{batch}");
            Assert.That(await Scalar<long>("SELECT count(*) FROM documents d WHERE NOT EXISTS (SELECT FROM claims c WHERE c.document_id = d.id)"),
                Is.Zero, $"{stage}@{batch}: a document stored without its claims");
        }

        await RunToEnd(Database.ConnectionString, folder);
        await using var clean = await OtherDatabase();
        await RunToEnd(clean.ConnectionString, folder);
        var recovered = await State();
        Assert.That(recovered.Documents, Is.EqualTo(Articles - 1));
        Assert.That(recovered, Is.EqualTo(await DatabaseState.Of(clean.DataSource)));
        Assert.That(await ChangedPartitions(Database.DataSource), Is.EqualTo(await ChangedPartitions(clean.DataSource)));
    }

    /// <summary>Starts an ingest held at <paramref name="point"/>, waits until it says it is there, and kills it (-9).</summary>
    private async Task KillWhenPaused(string path, string point)
    {
        using var child = StartIngest(Database.ConnectionString, path, drain: false, pauseAt: point);
        _ = child.StandardOutput.ReadToEndAsync();
        var marker = "paused at " + point;
        var reading = Task.Run(async () =>
        {
            var seen = new System.Text.StringBuilder();
            while (await child.StandardError.ReadLineAsync() is { } line)
            {
                if (line == marker) return (true, "");
                seen.AppendLine(line);
            }
            return (false, seen.ToString());
        });
        var finished = await Task.WhenAny(reading, Task.Delay(Patience));
        Assert.That(finished, Is.SameAs(reading), $"the child never reached {point}");
        var (paused, output) = await reading;
        Assert.That(paused, Is.True, $"the child ended before {point}: {output}");
        Assert.That(child.HasExited, Is.False);
        child.Kill(entireProcessTree: true);
        await child.WaitForExitAsync();
    }

    /// <summary>Starts an ingest and kills it (-9) once <paramref name="sql"/> counts at least one; false when it finished first.</summary>
    private async Task<bool> KillWhen(string folder, string sql, long below)
    {
        using var child = StartIngest(Database.ConnectionString, folder);
        var deadline = Stopwatch.StartNew();
        var start = await Scalar<long>(sql);
        while (!child.HasExited && deadline.Elapsed < Patience)
        {
            var now = await Scalar<long>(sql);
            if (now > start && now < below) break;
            await Task.Delay(10);
        }
        if (child.HasExited) return false;
        child.Kill(entireProcessTree: true);
        await child.WaitForExitAsync();
        Assert.That(child.ExitCode, Is.Not.Zero, "killed");
        return true;
    }

    private static async Task<IReadOnlyList<string>> ChangedPartitions(NpgsqlDataSource dataSource)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return (await connection.QueryAsync<string>(
            "SELECT DISTINCT outcome || ' ' || coalesce(p.key, '-') AS partition FROM reconcile_changes r LEFT JOIN places p ON p.id = r.place_id ORDER BY 1")).AsList();
    }

    private static async Task RunToEnd(string connectionString, string path)
    {
        using var child = StartIngest(connectionString, path, drain: false);
        var output = child.StandardOutput.ReadToEndAsync();
        var errors = child.StandardError.ReadToEndAsync();
        await child.WaitForExitAsync();
        Assert.That(child.ExitCode, Is.Zero, await errors + await output);
    }

    private static Process StartIngest(string connectionString, string path, bool drain = true, string? pauseAt = null)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (pauseAt is not null) start.Environment["CASUALTIES_PAUSE_AT"] = pauseAt;
        foreach (var argument in new[] { WorkerDll(), "--connection", connectionString, "ingest", path, "--batch-size", BatchSize.ToString(CultureInfo.InvariantCulture) })
            start.ArgumentList.Add(argument);
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the casualties process.");
        if (drain)
        {
            // Read its output so a full pipe never blocks it.
            _ = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
        }
        return process;
    }

    /// <summary>The built executable of the same configuration as these tests.</summary>
    private static string WorkerDll()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var path = RepositoryPaths.Combine("src", "Casualties.Worker", "bin", configuration, "net10.0", "casualties.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build src/Casualties.Worker first.", path);
    }
}
