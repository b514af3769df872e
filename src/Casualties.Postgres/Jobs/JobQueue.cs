using Dapper;
using Npgsql;

namespace Casualties.Postgres.Jobs;

/// <summary>
/// The job queue in PostgreSQL. Workers claim with <c>FOR UPDATE SKIP LOCKED</c> and hold a lease that
/// heartbeats extend; a job whose lease expired is taken over by the next claim. Every claim increments
/// <c>lease_version</c>, and completing, failing, releasing or extending a job must match owner and version
/// (fencing): a worker that lost its lease changes nothing. Times come from the database's clock.
/// </summary>
public sealed class JobQueue(NpgsqlDataSource dataSource)
{
    const string EnqueueSql = """
        INSERT INTO jobs (kind, payload, dedupe_key, max_attempts, run_after)
        SELECT @Kind, @Payload::jsonb, @DedupeKey, @MaxAttempts, now() + @Delay
        WHERE NOT @OnlyIfNew OR NOT EXISTS (SELECT 1 FROM jobs WHERE dedupe_key = @DedupeKey)
        ON CONFLICT (dedupe_key) WHERE dedupe_key IS NOT NULL AND state IN ('queued', 'running', 'failed')
        DO UPDATE SET rerun = jobs.rerun OR (@Coalesce AND jobs.state = 'running')
        RETURNING id, xmax = 0 AS inserted
        """;

    /// <summary>Adds a job; returns its id, or null when a job with the same dedupe key is already waiting or running.</summary>
    public async Task<long?> Enqueue(NewJob job, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await Enqueue(conn, null, job, ct);
    }

    /// <summary>Adds a job inside the caller's transaction.</summary>
    public static async Task<long?> Enqueue(NpgsqlConnection conn, NpgsqlTransaction? tx, NewJob job, CancellationToken ct)
    {
        var row = await conn.QuerySingleOrDefaultAsync<EnqueueRow>(new CommandDefinition(EnqueueSql, new
        {
            job.Kind, job.Payload, job.DedupeKey, job.MaxAttempts, job.Delay, job.Coalesce, job.OnlyIfNew,
        }, tx, cancellationToken: ct));
        return row is { Inserted: true } ? row.Id : null;
    }

    private sealed record EnqueueRow(long Id, bool Inserted);

    const string ReapSql = """
        UPDATE jobs
        SET state = 'dead', finished_at = now(), lease_owner = NULL, lease_expires_at = NULL,
            last_error = format('The lease of worker %s expired on attempt %s of %s (the worker died or hung)', lease_owner, attempts, max_attempts)
                         || coalesce('; before that: ' || last_error, '')
        WHERE state = 'running' AND lease_expires_at < now() AND attempts >= max_attempts
        """;

    const string ClaimSql = """
        WITH next AS (
            SELECT id FROM jobs
            WHERE kind = ANY(@Kinds)
              AND ((state IN ('queued', 'failed') AND run_after <= now())
                   OR (state = 'running' AND lease_expires_at < now() AND attempts < max_attempts))
            ORDER BY run_after, id
            LIMIT 1
            FOR UPDATE SKIP LOCKED)
        UPDATE jobs j
        SET state = 'running', attempts = j.attempts + 1, lease_owner = @Owner,
            lease_expires_at = now() + @Lease, lease_version = j.lease_version + 1,
            started_at = now(), finished_at = NULL
        FROM next
        WHERE j.id = next.id
        RETURNING j.id, j.kind, j.payload::text AS payload, j.dedupe_key, j.attempts, j.max_attempts, j.lease_version, j.lease_owner
        """;

    /// <summary>
    /// Claims the next due job of the given kinds (or one whose lease expired), dead-lettering first the
    /// expired jobs that have no attempt left. Null when nothing is due.
    /// </summary>
    public async Task<ClaimedJob?> Claim(string owner, TimeSpan lease, IReadOnlyCollection<string> kinds, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition(ReapSql, cancellationToken: ct));
        return await conn.QuerySingleOrDefaultAsync<ClaimedJob>(new CommandDefinition(ClaimSql,
            new { Owner = owner, Lease = lease, Kinds = kinds.ToArray() }, cancellationToken: ct));
    }

    const string LeaseMatches = "id = @JobId AND lease_owner = @Owner AND lease_version = @Version AND state = 'running'";

    /// <summary>Extends the lease; false when it was lost (taken over, or the job is no longer running).</summary>
    public async Task<bool> Heartbeat(JobLease lease, TimeSpan duration, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await conn.ExecuteAsync(new CommandDefinition(
            $"UPDATE jobs SET lease_expires_at = now() + @Duration WHERE {LeaseMatches}",
            new { lease.JobId, lease.Owner, lease.Version, Duration = duration }, cancellationToken: ct)) == 1;
    }

    /// <summary>
    /// Locks the job row inside the caller's transaction and checks the lease still holds: effects written in
    /// that transaction commit only if this worker still owns the job. False when the lease was lost.
    /// </summary>
    public static async Task<bool> Fence(NpgsqlConnection conn, NpgsqlTransaction tx, JobLease lease, CancellationToken ct) =>
        await conn.ExecuteScalarAsync<int?>(new CommandDefinition(
            $"SELECT 1 FROM jobs WHERE {LeaseMatches} FOR UPDATE",
            new { lease.JobId, lease.Owner, lease.Version }, tx, cancellationToken: ct)) is not null;

    /// <summary>
    /// Checks the lease and holds the job against a takeover until the caller's transaction ends, as the first
    /// statement of a REPEATABLE READ transaction (whose snapshot would make <see cref="Fence"/> fail on the job row
    /// once a heartbeat updated it). A key-share lock: heartbeats go on, a claim (FOR UPDATE SKIP LOCKED) passes the job by.
    /// </summary>
    public static async Task<bool> Hold(NpgsqlConnection conn, NpgsqlTransaction tx, JobLease lease, CancellationToken ct) =>
        await conn.ExecuteScalarAsync<int?>(new CommandDefinition(
            $"SELECT 1 FROM jobs WHERE {LeaseMatches} FOR KEY SHARE",
            new { lease.JobId, lease.Owner, lease.Version }, tx, cancellationToken: ct)) is not null;

    const string CompleteSql = $"""
        UPDATE jobs
        SET state = CASE WHEN rerun THEN 'queued' ELSE 'done' END,
            attempts = CASE WHEN rerun THEN 0 ELSE attempts END,
            run_after = now(), rerun = false,
            finished_at = CASE WHEN rerun THEN NULL ELSE now() END,
            lease_owner = NULL, lease_expires_at = NULL, result = @Result::jsonb
        WHERE {LeaseMatches}
        """;

    /// <summary>Marks the job done (or queued again when a rerun was asked for); false when the lease was lost.</summary>
    public async Task<bool> Complete(JobLease lease, string? resultJson, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await conn.ExecuteAsync(new CommandDefinition(CompleteSql,
            new { lease.JobId, lease.Owner, lease.Version, Result = resultJson }, cancellationToken: ct)) == 1;
    }

    const string FailSql = $"""
        UPDATE jobs
        SET state = CASE WHEN attempts >= max_attempts OR @Permanent THEN 'dead' ELSE 'failed' END,
            run_after = CASE WHEN attempts >= max_attempts OR @Permanent THEN run_after ELSE now() + @RetryDelay END,
            finished_at = CASE WHEN attempts >= max_attempts OR @Permanent THEN now() END,
            last_error = @Error, lease_owner = NULL, lease_expires_at = NULL
        WHERE {LeaseMatches}
        RETURNING state, attempts, run_after
        """;

    /// <summary>
    /// Records a failed attempt: retried after <paramref name="retryDelay"/>, or dead-lettered when it was the
    /// last attempt or the failure is permanent. Null when the lease was lost.
    /// </summary>
    public async Task<FailOutcome?> Fail(JobLease lease, string error, TimeSpan retryDelay, bool permanent, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<FailOutcome>(new CommandDefinition(FailSql, new
        {
            lease.JobId, lease.Owner, lease.Version, Error = error, RetryDelay = retryDelay, Permanent = permanent,
        }, cancellationToken: ct));
    }

    const string ReleaseSql = $"""
        UPDATE jobs
        SET state = 'queued', attempts = greatest(attempts - 1, 0), run_after = now(),
            lease_owner = NULL, lease_expires_at = NULL
        WHERE {LeaseMatches}
        """;

    /// <summary>Gives the job back unfinished (shutdown, database trouble): the attempt does not count. False when the lease was lost.</summary>
    public async Task<bool> Release(JobLease lease, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await conn.ExecuteAsync(new CommandDefinition(ReleaseSql,
            new { lease.JobId, lease.Owner, lease.Version }, cancellationToken: ct)) == 1;
    }

    /// <summary>Counts the jobs that are due now or running (for draining the queue with --once).</summary>
    public async Task<long> CountPending(CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await conn.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT count(*) FROM jobs WHERE state = 'running' OR (state IN ('queued', 'failed') AND run_after <= now())",
            cancellationToken: ct));
    }
}
