using System.Text;
using Casualties.Testing;
using Casualties.Worker.Tests.Support;
using NUnit.Framework;

namespace Casualties.Worker.Tests;

/// <summary>Feeds served on 127.0.0.1 and polled by real worker processes, added with the real CLI.</summary>
[TestFixture]
[Property("Issue", "6")]
public sealed class FeedPollingTests
{
    private const int SizeLimit = 64 * 1024;
    private TestDatabase db = null!;
    private FeedServer server = null!;
    private CancellationTokenSource testOver = null!;

    [SetUp]
    public async Task Start()
    {
        db = await TestCluster.CreateDatabase();
        server = new FeedServer();
        testOver = new CancellationTokenSource();
    }

    [TearDown]
    public async Task Stop()
    {
        await testOver.CancelAsync();
        testOver.Dispose();
        server.Dispose();
        await db.DisposeAsync();
    }

    private async Task Cli(params string[] args)
    {
        var (exitCode, output, error) = await WorkerProcess.Run(db.ConnectionString, args, FeedSettings(("WorkerOptions__MaxAttempts", "3")));
        Assert.That(exitCode, Is.Zero, $"casualties {string.Join(' ', args)}: {output}{error}");
    }

    /// <summary>Generous HTTP timeouts (a loaded machine must not turn a poll into a retry); the test about a slow
    /// feed sets short ones.</summary>
    private static Dictionary<string, string> FeedSettings(params (string, string)[] overrides) => Settings.Fast(
        [
            ("FeedHttpOptions__AttemptTimeout", "00:00:30"), ("FeedHttpOptions__TotalTimeout", "00:01:00"),
            ("FeedHttpOptions__MaxRetries", "1"), ("FeedHttpOptions__RetryDelay", "00:00:00.100"),
            ("FeedHttpOptions__MaxResponseBytes", SizeLimit.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("WorkerOptions__MaxAttempts", "2"), .. overrides,
        ]);

    private Task<string?> LastStatus(string feed) =>
        Stored.Rows<string?>(db.DataSource, "SELECT last_status FROM feeds WHERE name = @feed", new { feed }).ContinueWith(t => t.Result[0]);

    [Test]
    public async Task A_feed_is_polled_on_its_schedule_with_conditional_requests_and_a_304_stores_nothing()
    {
        const string ETag = "\"v1\"";
        server.Route("good.rss", c => c.Request.Headers["If-None-Match"] == ETag
            ? Task.Run(() => { c.Response.StatusCode = 304; c.Response.Close(); })
            : FeedServer.Write(c, 200, FeedServer.Rss("At least 12 people were killed in Idlib.", "Five civilians died in Aleppo."), etag: ETag));
        await Cli("sources", "add", "good", "--kind", "rss", "--url", server.Url("good.rss"), "--cron", "*/2 * * * * *", "--time-zone", "Europe/Berlin");

        using (var worker = WorkerProcess.Start(db.ConnectionString, ["worker"], FeedSettings()))
        {
            await Eventually.Until(() => Task.FromResult(server.To("good.rss").Count), n => n >= 3, Eventually.Generous,
                "three scheduled polls", () => worker.Output);
            worker.Signal("TERM");
            Assert.That(await worker.WaitForExit(Eventually.Generous), Is.True);
        }
        // Run what the last tick enqueued, so that every recorded tick has had its poll.
        var (drained, _, drainError) = await WorkerProcess.Run(db.ConnectionString, ["worker", "--once"], FeedSettings());
        Assert.That(drained, Is.Zero, drainError);

        var requests = server.To("good.rss");
        Assert.That(requests[0].IfNoneMatch, Is.Null, "the first poll is unconditional");
        Assert.That(requests.Skip(1).Select(r => r.IfNoneMatch), Is.All.EqualTo(ETag), "later polls send the stored ETag");
        Assert.That(await Stored.Scalar(db.DataSource, "SELECT count(*) FROM documents WHERE origin LIKE 'http://127.0.0.1/item/%'"), Is.EqualTo(2),
            "the items were ingested once; the 304s stored nothing");
        Assert.That(await LastStatus("good"), Is.EqualTo("not_modified"));
        Assert.That(await Stored.Scalar(db.DataSource, "SELECT count(*) FROM schedule_ticks WHERE feed = 'good' AND status = 'run'"),
            Is.EqualTo(requests.Count), "one poll per scheduled tick");
    }

    [Test]
    public async Task A_malformed_feed_is_quarantined_and_a_huge_or_slow_response_is_cut_off_by_the_limits()
    {
        var hugeCompleted = false;
        server.Route("broken.rss", c => FeedServer.Write(c, 200, "<rss><channel><item><title>unclosed</channel>"));
        server.Route("huge.rss", async c =>
        {
            c.Response.StatusCode = 200;
            c.Response.SendChunked = true;
            var chunk = Encoding.UTF8.GetBytes(new string('x', 64 * 1024));
            for (var i = 0; i < 256; i++) await c.Response.OutputStream.WriteAsync(chunk);
            c.Response.Close();
            hugeCompleted = true;
        });
        server.Route("slow.rss", async c =>
        {
            // Never answers while the test runs: the worker's 1 s attempt timeout must give up on it.
            try { await Task.Delay(Timeout.Infinite, testOver.Token); }
            catch (OperationCanceledException) { }
            c.Response.Abort();
        });
        foreach (var name in new[] { "broken", "huge", "slow" })
        {
            await Cli("sources", "add", name, "--kind", "rss", "--url", server.Url(name + ".rss"));
            var (exitCode, _, error) = await WorkerProcess.Run(db.ConnectionString, ["sources", "run", name], FeedSettings());
            Assert.That(exitCode, Is.Zero, error);
        }

        using var worker = WorkerProcess.Start(db.ConnectionString, ["worker"],
            FeedSettings(("FeedHttpOptions__AttemptTimeout", "00:00:01"), ("FeedHttpOptions__TotalTimeout", "00:00:05")));
        await Eventually.Until(() => Stored.Pending(db.DataSource), n => n == 0, TimeSpan.FromSeconds(120), "the three runs finished",
            () => worker.Output);

        Assert.That(await LastStatus("broken"), Is.EqualTo("quarantined"));
        var reasons = await Stored.Rows<string>(db.DataSource, "SELECT origin || ' | ' || reason FROM quarantine ORDER BY id");
        Assert.That(reasons, Has.Some.StartsWith(server.Url("broken.rss")).And.Contains("line 1").And.Contains("malformed feed"));

        Assert.That(await LastStatus("huge"), Is.EqualTo("too_large"));
        Assert.That(reasons, Has.Some.StartsWith(server.Url("huge.rss")).And.Contains($"larger than {SizeLimit} bytes"));
        Assert.That(hugeCompleted, Is.False, "the download was cut off before the server could send it all");

        Assert.That(await LastStatus("slow"), Is.EqualTo("failed"));
        var slowErrors = await Stored.Rows<string>(db.DataSource,
            "SELECT last_error FROM jobs WHERE kind = 'poll-feed' AND payload->>'feed' = 'slow' AND state = 'dead'");
        Assert.That(slowErrors, Has.Count.EqualTo(1));
        Assert.That(slowErrors[0], Does.Contain("sent no response within 00:00:01"));
        Assert.That(server.To("slow.rss"), Has.Count.EqualTo(4), "2 attempts of the job, each with 1 retry of the request");
        Assert.That(await Stored.Scalar(db.DataSource, "SELECT count(*) FROM documents"), Is.Zero);
    }

    [Test]
    public async Task A_job_that_always_fails_is_dead_lettered_after_the_configured_attempts_with_its_error_in_status()
    {
        server.Route("down.rss", c => FeedServer.Write(c, 503, "maintenance", "text/plain"));
        await Cli("sources", "add", "down", "--kind", "rss", "--url", server.Url("down.rss"));
        await Cli("sources", "run", "down");

        using (var worker = WorkerProcess.Start(db.ConnectionString, ["worker"],
                   FeedSettings(("WorkerOptions__MaxAttempts", "3"), ("FeedHttpOptions__MaxRetries", "0"))))
        {
            await Eventually.Until(() => Stored.Scalar(db.DataSource, "SELECT count(*) FROM jobs WHERE state = 'dead'"), n => n == 1,
                Eventually.Generous, "the job is dead-lettered", () => worker.Output);
        }

        Assert.That(server.To("down.rss"), Has.Count.EqualTo(3), "three attempts, as configured");
        var (exitCode, text, _) = await WorkerProcess.Run(db.ConnectionString, "status");
        Assert.That(exitCode, Is.Zero);
        Assert.That(text, Does.Contain("(poll-feed) dead after 3 of 3 attempts").And.Contains("answered 503 Service Unavailable"));
        var (_, json, _) = await WorkerProcess.Run(db.ConnectionString, "status", "--json");
        using var status = System.Text.Json.JsonDocument.Parse(json);
        var failure = status.RootElement.GetProperty("failures")[0];
        Assert.That(failure.GetProperty("state").GetString(), Is.EqualTo("dead"));
        Assert.That(failure.GetProperty("attempts").GetInt32(), Is.EqualTo(3));
        Assert.That(failure.GetProperty("error").GetString(), Does.Contain("answered 503"));
        Assert.That(status.RootElement.GetProperty("queue").GetProperty("dead").GetInt64(), Is.EqualTo(1));
    }

    [Test]
    public async Task Two_workers_with_the_same_cron_schedule_run_each_tick_exactly_once()
    {
        server.Route("shared.rss", c => FeedServer.Write(c, 200, FeedServer.Rss("Three people were killed."), etag: "\"same\""));
        await Cli("sources", "add", "shared", "--kind", "rss", "--url", server.Url("shared.rss"), "--cron", "* * * * * *");
        // A generous shutdown timeout: a poll in flight at SIGTERM finishes rather than being released and run again.
        var workers = Enumerable.Range(0, 2)
            .Select(_ => WorkerProcess.Start(db.ConnectionString, ["worker"], FeedSettings(("WorkerOptions__ShutdownTimeout", "00:01:00"))))
            .ToList();
        try
        {
            await Eventually.Until(() => Stored.Scalar(db.DataSource, "SELECT count(*) FROM schedule_ticks WHERE feed = 'shared' AND status = 'run'"),
                n => n >= 6, Eventually.Generous, "six ticks run", () => workers[0].Output);
            foreach (var w in workers) w.Signal("TERM");
            foreach (var w in workers) Assert.That(await w.WaitForExit(TimeSpan.FromSeconds(90)), Is.True);
        }
        finally
        {
            foreach (var w in workers) w.Dispose();
        }
        // Finish what the last tick enqueued, so that every recorded tick has had its run (with the workers' settings:
        // the default minute of missed-run grace would enqueue a poll for every second of it).
        var (exitCode, _, error) = await WorkerProcess.Run(db.ConnectionString, ["worker", "--once"], FeedSettings());
        Assert.That(exitCode, Is.Zero, error);

        var runTicks = await Stored.Scalar(db.DataSource, "SELECT count(*) FROM schedule_ticks WHERE feed = 'shared' AND status = 'run'");
        var jobs = await Stored.Scalar(db.DataSource, "SELECT count(*) FROM jobs WHERE kind = 'poll-feed' AND state = 'done'");
        var ticksWithOneJob = await Stored.Scalar(db.DataSource, """
            SELECT count(*) FROM schedule_ticks t JOIN jobs j ON j.id = t.job_id
            WHERE t.feed = 'shared' AND t.status = 'run' AND j.state = 'done'
            """);
        Assert.That(jobs, Is.EqualTo(runTicks), "one run per tick");
        Assert.That(ticksWithOneJob, Is.EqualTo(runTicks));
        Assert.That(server.To("shared.rss"), Has.Count.EqualTo(runTicks), "one request per tick, whichever worker ran it");
        Assert.That(await Stored.Scalar(db.DataSource, "SELECT count(*) FROM jobs WHERE kind = 'poll-feed' AND attempts <> 1"), Is.Zero,
            "no tick's poll ran twice");
    }
}
