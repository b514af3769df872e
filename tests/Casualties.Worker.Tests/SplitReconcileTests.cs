using Casualties.Testing;
using Casualties.Worker.Tests.Support;
using Npgsql;
using NUnit.Framework;

namespace Casualties.Worker.Tests;

/// <summary>
/// A run split into queue jobs (issue 14): two or three real worker processes reconcile different partitions of one
/// run, and the stored incidents, members, figures, totals and flags are those of one process's full run; a worker
/// killed in the middle of a part loses its job to another, and nothing of its work remains or is stored twice.
/// </summary>
[TestFixture]
[Property("Issue", "14")]
public sealed class SplitReconcileTests
{
    /// <summary>The runs' advisory lock key (ReconciliationRunner): parts take it shared, a one-process run exclusively.</summary>
    private const long LockKey = 0x_CA5_8EC0;

    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(4);

    /// <summary>Every current result row without surrogate ids or run numbers, table by table, as md5 of the rows in order.</summary>
    private const string ResultsSql = """
        SELECT 'incidents ' || count(*) || ' ' || md5(coalesce(string_agg(r::text, E'\n' ORDER BY r::text), '')) FROM (
            SELECT incident_key, fingerprint, partition_country, kind, outcome, place_key, start_date, start_precision, end_date,
                   end_precision, perpetrator_side, victims, low, best, high, has_consensus, consensus_low, consensus_high,
                   source_count, claim_count, contained_in_key, place_name
            FROM incidents WHERE valid_to_run IS NULL) r
        UNION ALL
        SELECT 'members ' || count(*) || ' ' || md5(coalesce(string_agg(r::text, E'\n' ORDER BY r::text), '')) FROM (
            SELECT i.incident_key, m.claim_id, m.victims, m.victim_side, m.rule, m.superseded
            FROM incident_members m JOIN incidents i ON i.incident_id = m.incident_id WHERE i.valid_to_run IS NULL) r
        UNION ALL
        SELECT 'figures ' || count(*) || ' ' || md5(coalesce(string_agg(r::text, E'\n' ORDER BY r::text), '')) FROM (
            SELECT i.incident_key, f.victims, f.victim_side, f.headline, f.low, f.best, f.high, f.has_consensus,
                   f.consensus_low, f.consensus_high, f.source_count
            FROM incident_figures f JOIN incidents i ON i.incident_id = f.incident_id WHERE i.valid_to_run IS NULL) r
        UNION ALL
        SELECT 'totals ' || count(*) || ' ' || md5(coalesce(string_agg(r::text, E'\n' ORDER BY r::text), '')) FROM (
            SELECT fingerprint, partition_country, perpetrator_side, outcome, victims, victim_side, place_key, period,
                   period_start, period_end, low, best, high, method, incident_count
            FROM side_totals WHERE valid_to_run IS NULL) r
        UNION ALL
        SELECT 'flags ' || count(*) || ' ' || md5(coalesce(string_agg(r::text, E'\n' ORDER BY r::text), '')) FROM (
            SELECT fingerprint, partition_country, outcome, kind, severity, incident_key, place_key, claim_ids, sources, explanation
            FROM flags WHERE valid_to_run IS NULL) r
        UNION ALL
        SELECT 'run ' || claims || ' claims ' || incidents || ' incidents ' || flags || ' flags'
        FROM (SELECT * FROM reconciliation_runs WHERE finished_at IS NOT NULL ORDER BY finish_order DESC NULLS LAST, run_id DESC LIMIT 1) r
        """;

    private const string ForgetResultsSql =
        "TRUNCATE incidents, incident_members, incident_figures, side_totals, flags, reconcile_run_parts, reconciliation_runs CASCADE";

    private TestDatabase db = null!;
    private IReadOnlyList<string> oneProcess = [];

    [SetUp]
    public async Task IngestAndReconcileInOneProcess()
    {
        db = await TestCluster.CreateDatabase();
        // Claims of several countries and outcomes: datasets, our own feed, articles.
        var ingest = await WorkerProcess.Run(db.ConnectionString, "ingest",
            RepositoryPaths.Combine("seeds", "feeds", "ucdp-ged-sample.csv"), RepositoryPaths.Combine("seeds", "feeds", "acled-sample.csv"),
            RepositoryPaths.Combine("seeds", "feeds", "monitor-claims.csv"), RepositoryPaths.Combine("seeds", "documents"),
            RepositoryPaths.Combine("tests", "data", "flags", "ged-2019.csv"), RepositoryPaths.Combine("tests", "data", "flags", "acled-2019.csv"),
            RepositoryPaths.Combine("tests", "data", "flags", "monitor-2019.csv"));
        Assert.That(ingest.ExitCode, Is.Zero, ingest.Output + ingest.Error);
        var full = await WorkerProcess.Run(db.ConnectionString, "reconcile", "--full");
        Assert.That(full.ExitCode, Is.Zero, full.Output + full.Error);
        oneProcess = await Results();
        Assert.That(await Stored.Scalar(db.DataSource,
            "SELECT count(DISTINCT (outcome, partition_country)) FROM incidents WHERE valid_to_run IS NULL"), Is.GreaterThanOrEqualTo(4),
            "claims in enough partitions to split");
        await Execute(ForgetResultsSql);
    }

    [TearDown]
    public async Task DropDatabase() => await db.DisposeAsync();

    [TestCase(2)]
    [TestCase(3)]
    public async Task Workers_sharing_the_parts_of_one_run_store_what_one_process_stores(int workers)
    {
        var queued = await WorkerProcess.Run(db.ConnectionString, "reconcile", "--full", "--parts", "6");
        Assert.That(queued.ExitCode, Is.Zero, queued.Error);
        Assert.That(queued.Output, Does.Contain("Queued reconcile job"));

        var processes = Enumerable.Range(0, workers)
            .Select(_ => WorkerProcess.Start(db.ConnectionString, ["worker", "--once"], Settings.Fast(("WorkerOptions__Concurrency", "1"))))
            .ToList();
        try
        {
            foreach (var process in processes) Assert.That(await process.WaitForExit(Limit), Is.True, "a worker did not drain the queue");
            Assert.Multiple(() =>
            {
                foreach (var process in processes) Assert.That(process.ExitCode, Is.Zero, process.Output);
            });
        }
        finally
        {
            foreach (var process in processes) process.Dispose();
        }

        Assert.That(await Stored.Scalar(db.DataSource, "SELECT count(*) FROM jobs WHERE kind = 'reconcile-part' AND state = 'done'"),
            Is.GreaterThanOrEqualTo(4), "the run was split into parts");
        Assert.That(await Stored.Scalar(db.DataSource, "SELECT count(*) FROM jobs WHERE state <> 'done'"), Is.Zero);
        Assert.That(await Stored.Scalar(db.DataSource, "SELECT count(*) FROM reconciliation_runs WHERE finished_at IS NULL"), Is.Zero);
        Assert.That(await Stored.Scalar(db.DataSource, "SELECT count(*) FROM reconcile_run_parts WHERE done_at IS NULL"), Is.Zero);
        Assert.That(await Results(), Is.EqualTo(oneProcess));

        // Revised and deleted dataset rows, then an incremental run split the same way: the partitions the change log
        // names, each part consuming its own; a one-process full run afterwards finds nothing to change.
        var revised = await WorkerProcess.Run(db.ConnectionString, "ingest",
            RepositoryPaths.Combine("tests", "data", "flags", "ged-2019-revised.csv"), RepositoryPaths.Combine("tests", "data", "flags", "acled-2019-update.csv"),
            RepositoryPaths.Combine("seeds", "feeds", "acled-update.csv"));
        Assert.That(revised.ExitCode, Is.Zero, revised.Output + revised.Error);
        Assert.That(await Stored.Scalar(db.DataSource, "SELECT count(*) FROM reconcile_changes"), Is.Positive);
        await ReconcileInParts(workers, "reconcile", "--parts", "3");
        Assert.That(await Stored.Scalar(db.DataSource, "SELECT count(*) FROM reconcile_changes"), Is.Zero, "every part consumed its changes");
        Assert.That(await Stored.Scalar(db.DataSource,
            "SELECT count(*) FROM reconciliation_runs WHERE mode = 'incremental' AND finished_at IS NOT NULL"), Is.EqualTo(1));
        var split = await Results();
        var again = await WorkerProcess.Run(db.ConnectionString, "reconcile", "--full");
        Assert.That(again.Output, Does.Contain(", 0 rows changed"), again.Error);
        Assert.That(await Results(), Is.EqualTo(split));
    }

    private async Task ReconcileInParts(int workers, params string[] args)
    {
        var queued = await WorkerProcess.Run(db.ConnectionString, args);
        Assert.That(queued.ExitCode, Is.Zero, queued.Error);
        await DrainWith(workers);
        Assert.That(await Stored.Scalar(db.DataSource, "SELECT count(*) FROM jobs WHERE state <> 'done'"), Is.Zero);
    }

    /// <summary>Starts <paramref name="workers"/> worker processes that run until the queue is empty, and waits for them.</summary>
    private async Task DrainWith(int workers)
    {
        var processes = Enumerable.Range(0, workers)
            .Select(_ => WorkerProcess.Start(db.ConnectionString, ["worker", "--once"], Settings.Fast(("WorkerOptions__Concurrency", "1"))))
            .ToList();
        try
        {
            foreach (var process in processes) Assert.That(await process.WaitForExit(Limit), Is.True, "a worker did not drain the queue");
            foreach (var process in processes) Assert.That(process.ExitCode, Is.Zero, process.Output);
        }
        finally
        {
            foreach (var process in processes) process.Dispose();
        }
    }

    [Test]
    public async Task A_part_whose_worker_is_killed_before_it_commits_is_taken_over_and_stored_once()
    {
        // Held here, the run lock stops the first part before it begins; then its row lock stops it after it wrote its
        // results, just before it marks itself done and commits: that is where its worker is killed.
        await using var runLock = await db.DataSource.OpenConnectionAsync();
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({LockKey})", runLock)) await take.ExecuteNonQueryAsync();
        var queued = await WorkerProcess.Run(db.ConnectionString, "reconcile", "--full", "--parts", "5");
        Assert.That(queued.ExitCode, Is.Zero, queued.Error);

        var doomedSettings = Settings.Fast(("WorkerOptions__LeaseDuration", "00:00:03"), ("WorkerOptions__HeartbeatInterval", "00:00:00.500"),
            ("WorkerOptions__Concurrency", "1"));
        long interrupted;
        using (var doomed = WorkerProcess.Start(db.ConnectionString, ["worker"], doomedSettings))
        {
            await Eventually.Until(() => Stored.Scalar(db.DataSource,
                    "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND classid = 0 AND objid::bigint = @Key",
                    new { Key = LockKey }),
                n => n == 1, Limit, "a part waiting for the run lock", () => doomed.Output);
            interrupted = await Stored.Scalar(db.DataSource, "SELECT id FROM jobs WHERE kind = 'reconcile-part' AND state = 'running'");

            await using var rowLock = await db.DataSource.OpenConnectionAsync();
            await using var rows = await rowLock.BeginTransactionAsync();
            await using (var lockRows = new NpgsqlCommand("SELECT run_id FROM reconcile_run_parts FOR UPDATE", rowLock, rows))
            {
                await lockRows.ExecuteNonQueryAsync();
            }
            await using (var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({LockKey})", runLock)) await release.ExecuteNonQueryAsync();
            await Eventually.Until(() => Stored.Scalar(db.DataSource,
                    "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%UPDATE reconcile_run_parts%'"),
                n => n == 1, Limit, "the part done with its results, waiting to mark itself done", () => doomed.Output);

            doomed.Signal("KILL");
            Assert.That(await doomed.WaitForExit(Eventually.Generous), Is.True);
            await rows.RollbackAsync();
        }
        // The killed worker's server process ends with its transaction rolled back once it finds its client gone. The
        // test's own pooled connections keep this very query as their last text: they are not the killed worker's.
        await Eventually.Until(() => Stored.Scalar(db.DataSource,
                "SELECT count(*) FROM pg_stat_activity WHERE query LIKE '%UPDATE reconcile_run_parts%' AND query NOT LIKE '%pg_stat_activity%'"),
            n => n == 0, Limit, "the killed worker's transaction gone");
        Assert.That(await Stored.Scalar(db.DataSource, "SELECT count(*) FROM incidents"), Is.Zero, "the killed part left nothing");
        Assert.That(await Stored.Scalar(db.DataSource, "SELECT count(*) FROM reconcile_run_parts WHERE done_at IS NOT NULL"), Is.Zero);

        await DrainWith(2);

        var retaken = (await Stored.Rows<(string State, int Attempts)>(db.DataSource, "SELECT state, attempts FROM jobs WHERE id = @Id",
            new { Id = interrupted })).Single();
        Assert.That(retaken, Is.EqualTo(("done", 2)), "the killed worker's part was taken over");
        Assert.That(await Stored.Scalar(db.DataSource, "SELECT count(*) FROM jobs WHERE state <> 'done'"), Is.Zero);
        Assert.That(await Results(), Is.EqualTo(oneProcess), "stored once, as one process stores it");
        Assert.That(await Stored.Scalar(db.DataSource, "SELECT count(*) FROM incidents WHERE valid_to_run IS NOT NULL"), Is.Zero,
            "no row written twice and closed");
    }

    private Task<IReadOnlyList<string>> Results() => Stored.Rows<string>(db.DataSource, ResultsSql);

    private async Task Execute(string sql)
    {
        await using var conn = await db.DataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(sql, conn);
        await command.ExecuteNonQueryAsync();
    }
}
