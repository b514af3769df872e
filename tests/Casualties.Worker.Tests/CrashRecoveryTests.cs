using Casualties.Testing;
using Casualties.Worker.Tests.Support;
using NUnit.Framework;

namespace Casualties.Worker.Tests;

/// <summary>Real worker processes killed, terminated and paused mid-job: nothing lost, nothing done twice.</summary>
[TestFixture]
[Property("Issue", "6")]
public sealed class CrashRecoveryTests
{
    // Widened from 2 min in session 5 with the inbox tests: per-file worker throughput fell; see the closing note.
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(4);
    private TestDatabase db = null!;

    [SetUp]
    public async Task CreateDatabase() => db = await TestCluster.CreateDatabase();

    [TearDown]
    public async Task DropDatabase() => await db.DisposeAsync();

    [Test]
    public async Task A_worker_killed_mid_job_loses_nothing_and_duplicates_nothing_after_a_restart()
    {
        using var inbox = new Inbox();
        inbox.AddArticles(200);
        var inFlight = await Probes.Enqueue(db.DataSource, "in flight at kill -9", TimeSpan.FromSeconds(10));
        // The killed worker's lease is short, so the restarted one (with the generous default) can take its job over.
        var doomedSettings = Settings.Fast(("WorkerOptions__LeaseDuration", "00:00:03"));

        using (var doomed = WorkerProcess.Start(db.ConnectionString, ["worker", "--inbox", inbox.Folder], doomedSettings))
        {
            await Probes.RunningOn(db.DataSource, inFlight, doomed);
            doomed.Signal("KILL");
            Assert.That(await doomed.WaitForExit(Eventually.Generous), Is.True);
        }
        Assert.That((await Probes.Job(db.DataSource, inFlight)).State, Is.EqualTo("running"), "the killed worker's lease is still held");

        using var restarted = WorkerProcess.Start(db.ConnectionString, ["worker", "--inbox", inbox.Folder], Settings.Fast());
        await Eventually.Until(async () => (inbox.ProcessedCount, await Stored.Pending(db.DataSource)),
            s => s.ProcessedCount == 200 && s.Item2 == 0, Limit, "every file processed and the queue drained", () => restarted.Output);

        Assert.That(await Stored.Scalar(db.DataSource, "SELECT count(*) FROM documents"), Is.EqualTo(200), "nothing lost, nothing duplicated");
        Assert.That(await Stored.Scalar(db.DataSource, "SELECT count(DISTINCT origin) FROM documents"), Is.EqualTo(200));
        Assert.That(inbox.Waiting, Is.Zero);
        var retried = await Probes.Job(db.DataSource, inFlight);
        Assert.That((retried.State, retried.Attempts), Is.EqualTo(("done", 2)), "the interrupted job was retried");
        Assert.That(await Probes.Written(db.DataSource, inFlight), Has.Count.EqualTo(1));
        Assert.That(await Stored.Scalar(db.DataSource, "SELECT count(*) FROM jobs WHERE state <> 'done'"), Is.Zero);
    }

    [Test]
    public async Task SIGTERM_finishes_a_short_job_releases_a_long_one_and_exits_within_the_shutdown_timeout()
    {
        var shutdownTimeout = TimeSpan.FromSeconds(8);
        var settings = Settings.Fast(("WorkerOptions__ShutdownTimeout", shutdownTimeout.ToString()), ("WorkerOptions__Concurrency", "2"));
        var longJob = await Probes.Enqueue(db.DataSource, "long", TimeSpan.FromMinutes(5));
        var shortJob = await Probes.Enqueue(db.DataSource, "short", TimeSpan.FromSeconds(4));
        using var worker = WorkerProcess.Start(db.ConnectionString, ["worker"], settings);
        await Probes.RunningOn(db.DataSource, longJob, worker);
        await Probes.RunningOn(db.DataSource, shortJob, worker);

        worker.Signal("TERM");

        // A generous deadline: the test checks that it exits having released the long job, not how fast.
        Assert.That(await worker.WaitForExit(shutdownTimeout + TimeSpan.FromSeconds(60)), Is.True, "exits, not waiting for the long job");
        Assert.That(worker.ExitCode, Is.Zero, worker.Output);
        var released = await Probes.Job(db.DataSource, longJob);
        Assert.That((released.State, released.Attempts, released.LeaseOwner), Is.EqualTo(("queued", 0, (string?)null)), "the long job is released");
        Assert.That((await Probes.Job(db.DataSource, shortJob)).State, Is.EqualTo("done"), "the short job finished within the timeout");
        Assert.That(worker.Output, Does.Contain($"Job {longJob} (probe) released on shutdown"));
        Assert.That(await Stored.Scalar(db.DataSource, "SELECT count(*) FROM workers WHERE stopped_at IS NOT NULL"), Is.EqualTo(1));
    }

    [Test]
    public async Task A_worker_paused_past_its_lease_loses_the_job_to_another_and_its_late_work_has_no_effect()
    {
        // Only the paused worker's lease is short; the one that takes the job over keeps the generous default.
        var pausedSettings = Settings.Fast(("WorkerOptions__LeaseDuration", "00:00:02"), ("WorkerOptions__HeartbeatInterval", "00:00:00.500"),
            ("WorkerOptions__Concurrency", "1"));
        var job = await Probes.Enqueue(db.DataSource, "fenced", TimeSpan.FromSeconds(3));
        using var paused = WorkerProcess.Start(db.ConnectionString, ["worker"], pausedSettings);
        var first = await Probes.RunningOn(db.DataSource, job, paused);
        paused.Signal("STOP");
        try
        {
            using var other = WorkerProcess.Start(db.ConnectionString, ["worker"], Settings.Fast(("WorkerOptions__Concurrency", "1")));
            var done = await Eventually.Until(() => Probes.Job(db.DataSource, job), j => j.State == "done", Limit,
                "the other worker took the job over and finished it", () => other.Output);
            Assert.That(done.LeaseVersion, Is.EqualTo(first.LeaseVersion + 1));
            Assert.That(done.Attempts, Is.EqualTo(2));

            paused.Signal("CONT");
            await Eventually.Until(() => Task.FromResult(paused.Output), o => o.Contains($"Job {job} lost its lease", StringComparison.Ordinal),
                Eventually.Generous, "the resumed worker notices it lost the lease", () => paused.Output);

            var written = await Probes.Written(db.DataSource, job);
            Assert.That(written, Has.Count.EqualTo(1), "only the new owner's work took effect");
            Assert.That(written[0].LeaseVersion, Is.EqualTo(done.LeaseVersion));
            Assert.That(written[0].Worker, Does.Contain($":{other.Id}:"));
            Assert.That((await Probes.Job(db.DataSource, job)).State, Is.EqualTo("done"));
        }
        finally
        {
            paused.Signal("CONT");
        }
    }
}
