using Casualties.Postgres.Jobs;
using Casualties.Testing;
using Dapper;
using NUnit.Framework;

namespace Casualties.Worker.Tests;

/// <summary>The queue's SQL against real PostgreSQL: claims, leases, fencing, retries, dead letters, dedupe.</summary>
[TestFixture]
[Property("Issue", "6")]
public sealed class JobQueueTests
{
    private static readonly string[] Kinds = ["test"];
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);
    private TestDatabase db = null!;
    private JobQueue queue = null!;

    [SetUp]
    public async Task CreateDatabase()
    {
        db = await TestCluster.CreateDatabase(seeded: false);
        queue = new JobQueue(db.DataSource);
    }

    [TearDown]
    public async Task DropDatabase() => await db.DisposeAsync();

    private Task<long?> Enqueue(string? key = null, int maxAttempts = 5, bool coalesce = false, bool onlyIfNew = false) =>
        queue.Enqueue(new NewJob("test", """{"n": 1}""", key, maxAttempts, Coalesce: coalesce, OnlyIfNew: onlyIfNew), CancellationToken.None);

    private async Task<(string State, int Attempts, string? LastError, bool Rerun)> Row(long id)
    {
        await using var conn = await db.DataSource.OpenConnectionAsync();
        return await conn.QuerySingleAsync<(string, int, string?, bool)>(
            "SELECT state, attempts, last_error, rerun FROM jobs WHERE id = @id", new { id });
    }

    private async Task ExpireLeases()
    {
        await using var conn = await db.DataSource.OpenConnectionAsync();
        await conn.ExecuteAsync("UPDATE jobs SET lease_expires_at = now() - interval '1 second' WHERE state = 'running'");
    }

    [Test]
    public async Task Concurrent_claimers_take_each_job_exactly_once()
    {
        for (var i = 0; i < 200; i++) await Enqueue();
        var claimed = new System.Collections.Concurrent.ConcurrentBag<long>();
        await Task.WhenAll(Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            while (await queue.Claim($"w{w}", Lease, Kinds, CancellationToken.None) is { } job)
            {
                claimed.Add(job.Id);
                Assert.That(await queue.Complete(job.Lease, null, CancellationToken.None), Is.True);
            }
        })));
        Assert.That(claimed, Has.Count.EqualTo(200));
        Assert.That(claimed.Distinct().Count(), Is.EqualTo(200));
        await using var conn = await db.DataSource.OpenConnectionAsync();
        Assert.That(await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM jobs WHERE state = 'done' AND attempts = 1"), Is.EqualTo(200));
    }

    [Test]
    public async Task A_worker_only_claims_the_kinds_it_handles()
    {
        await Enqueue();
        Assert.That(await queue.Claim("w", Lease, ["other"], CancellationToken.None), Is.Null);
        Assert.That(await queue.Claim("w", Lease, Kinds, CancellationToken.None), Is.Not.Null);
    }

    [Test]
    public async Task An_expired_lease_is_taken_over_and_the_late_owner_can_change_nothing()
    {
        var id = (await Enqueue())!.Value;
        var first = (await queue.Claim("paused", Lease, Kinds, CancellationToken.None))!;
        Assert.That(await queue.Claim("other", Lease, Kinds, CancellationToken.None), Is.Null, "a live lease is not taken over");
        await ExpireLeases();
        var second = (await queue.Claim("other", Lease, Kinds, CancellationToken.None))!;

        Assert.That(second.Id, Is.EqualTo(id));
        Assert.That(second.LeaseVersion, Is.EqualTo(first.LeaseVersion + 1));
        Assert.That(second.Attempts, Is.EqualTo(2));
        Assert.That(await queue.Heartbeat(first.Lease, Lease, CancellationToken.None), Is.False);
        Assert.That(await queue.Complete(first.Lease, null, CancellationToken.None), Is.False);
        Assert.That(await queue.Fail(first.Lease, "late", TimeSpan.Zero, false, CancellationToken.None), Is.Null);
        Assert.That(await queue.Release(first.Lease, CancellationToken.None), Is.False);
        await using (var conn = await db.DataSource.OpenConnectionAsync())
        await using (var tx = await conn.BeginTransactionAsync())
        {
            Assert.That(await JobQueue.Fence(conn, tx, first.Lease, CancellationToken.None), Is.False);
            Assert.That(await JobQueue.Fence(conn, tx, second.Lease, CancellationToken.None), Is.True);
        }
        Assert.That(await queue.Complete(second.Lease, """{"ok": true}""", CancellationToken.None), Is.True);
        Assert.That((await Row(id)).State, Is.EqualTo("done"));
    }

    [Test]
    public async Task A_failing_job_is_retried_after_its_delay_then_dead_lettered_with_its_error()
    {
        var id = (await Enqueue(maxAttempts: 2))!.Value;
        var attempt1 = (await queue.Claim("w", Lease, Kinds, CancellationToken.None))!;
        var failed = await queue.Fail(attempt1.Lease, "boom 1", TimeSpan.FromHours(1), false, CancellationToken.None);
        Assert.That(failed!.State, Is.EqualTo("failed"));
        Assert.That(await queue.Claim("w", Lease, Kinds, CancellationToken.None), Is.Null, "not before its retry delay");

        await using (var conn = await db.DataSource.OpenConnectionAsync())
            await conn.ExecuteAsync("UPDATE jobs SET run_after = now() WHERE id = @id", new { id });
        var attempt2 = (await queue.Claim("w", Lease, Kinds, CancellationToken.None))!;
        Assert.That(attempt2.Attempts, Is.EqualTo(2));
        var dead = await queue.Fail(attempt2.Lease, "boom 2", TimeSpan.Zero, false, CancellationToken.None);

        Assert.That(dead!.State, Is.EqualTo("dead"));
        Assert.That(await Row(id), Is.EqualTo(("dead", 2, (string?)"boom 2", false)));
        Assert.That(await queue.Claim("w", Lease, Kinds, CancellationToken.None), Is.Null);
    }

    [Test]
    public async Task A_permanent_failure_is_dead_lettered_at_once()
    {
        var id = (await Enqueue(maxAttempts: 5))!.Value;
        var job = (await queue.Claim("w", Lease, Kinds, CancellationToken.None))!;
        await queue.Fail(job.Lease, "bad payload", TimeSpan.Zero, permanent: true, CancellationToken.None);
        Assert.That((await Row(id)).State, Is.EqualTo("dead"));
    }

    [Test]
    public async Task A_job_whose_worker_died_on_its_last_attempt_is_dead_lettered_not_run_again()
    {
        var id = (await Enqueue(maxAttempts: 1))!.Value;
        await queue.Claim("died", Lease, Kinds, CancellationToken.None);
        await ExpireLeases();
        Assert.That(await queue.Claim("other", Lease, Kinds, CancellationToken.None), Is.Null);
        var row = await Row(id);
        Assert.That(row.State, Is.EqualTo("dead"));
        Assert.That(row.LastError, Does.Contain("lease of worker died expired"));
    }

    [Test]
    public async Task A_released_job_is_claimable_again_and_the_release_costs_no_attempt()
    {
        var id = (await Enqueue())!.Value;
        var job = (await queue.Claim("w", Lease, Kinds, CancellationToken.None))!;
        Assert.That(await queue.Release(job.Lease, CancellationToken.None), Is.True);
        Assert.That(await Row(id), Is.EqualTo(("queued", 0, (string?)null, false)));
        Assert.That((await queue.Claim("w2", Lease, Kinds, CancellationToken.None))!.Attempts, Is.EqualTo(1));
    }

    [Test]
    public async Task A_dedupe_key_admits_one_waiting_job_and_a_request_during_its_run_runs_it_again()
    {
        var id = (await Enqueue("k", coalesce: true))!.Value;
        Assert.That(await Enqueue("k", coalesce: true), Is.Null, "one waiting job per key");
        var job = (await queue.Claim("w", Lease, Kinds, CancellationToken.None))!;
        Assert.That(await Enqueue("k", coalesce: true), Is.Null);
        Assert.That((await Row(id)).Rerun, Is.True);

        await queue.Complete(job.Lease, null, CancellationToken.None);
        Assert.That(await Row(id), Is.EqualTo(("queued", 0, (string?)null, false)), "asked for during its run: runs once more");
        var again = (await queue.Claim("w", Lease, Kinds, CancellationToken.None))!;
        await queue.Complete(again.Lease, null, CancellationToken.None);
        Assert.That((await Row(id)).State, Is.EqualTo("done"));
        Assert.That(await Enqueue("k", coalesce: true), Is.Not.Null, "a finished job's key is free again");
    }

    [Test]
    public async Task A_job_enqueued_only_if_new_is_not_enqueued_again_after_it_ran()
    {
        Assert.That(await Enqueue("file-v1", onlyIfNew: true), Is.Not.Null);
        var job = (await queue.Claim("w", Lease, Kinds, CancellationToken.None))!;
        await queue.Complete(job.Lease, null, CancellationToken.None);
        Assert.That(await Enqueue("file-v1", onlyIfNew: true), Is.Null);
        Assert.That(await Enqueue("file-v2", onlyIfNew: true), Is.Not.Null);
    }

    [Test]
    public async Task Housekeeping_deletes_old_finished_jobs_and_ticks_but_keeps_waiting_jobs_and_each_schedule_latest_tick()
    {
        var old = (await Enqueue())!.Value;
        var recent = (await Enqueue())!.Value;
        var waiting = (await Enqueue())!.Value;
        foreach (var _ in new[] { old, recent })
        {
            var job = (await queue.Claim("w", Lease, Kinds, CancellationToken.None))!;
            await queue.Complete(job.Lease, null, CancellationToken.None);
        }
        await using (var conn = await db.DataSource.OpenConnectionAsync())
        {
            await conn.ExecuteAsync("UPDATE jobs SET finished_at = now() - interval '40 days' WHERE id = @old", new { old });
            await conn.ExecuteAsync("""
                INSERT INTO schedule_ticks (feed, tick, status, created_at) VALUES
                    ('f', '2026-01-01T00:00Z', 'run', now() - interval '40 days'),
                    ('f', '2026-01-02T00:00Z', 'run', now() - interval '40 days'),
                    ('g', '2026-01-01T00:00Z', 'run', now() - interval '40 days')
                """);
        }

        var purged = await new Housekeeping(db.DataSource).Purge(TimeSpan.FromDays(30), CancellationToken.None);

        Assert.That(purged, Is.EqualTo((1L, 1L, 0L)));
        await using var check = await db.DataSource.OpenConnectionAsync();
        Assert.That(await check.QueryAsync<long>("SELECT id FROM jobs ORDER BY id"), Is.EqualTo(new[] { recent, waiting }));
        Assert.That(await check.QueryAsync<string>("SELECT feed || ' ' || to_char(tick AT TIME ZONE 'UTC', 'YYYY-MM-DD') FROM schedule_ticks ORDER BY feed"),
            Is.EqualTo(new[] { "f 2026-01-02", "g 2026-01-01" }));
    }
}
