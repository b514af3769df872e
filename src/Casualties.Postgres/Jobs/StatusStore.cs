using Dapper;
using Npgsql;

namespace Casualties.Postgres.Jobs;

/// <summary>What <c>casualties status</c> shows: workers, queue depth, feed runs, failures, quarantine, last reconcile.</summary>
public sealed class StatusStore(NpgsqlDataSource dataSource)
{
    /// <summary>At most this many failed and dead jobs are listed, the latest first.</summary>
    public const int FailureLimit = 20;

    /// <summary>
    /// What status shows now; a worker counts as alive when it has not stopped and its heartbeat is newer than
    /// <paramref name="aliveWindow"/>. Workers stopped more than a day ago are left out.
    /// </summary>
    public async Task<StatusSnapshot> Read(TimeSpan aliveWindow, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var workers = await conn.QueryAsync<WorkerStatus>(new CommandDefinition("""
            SELECT id, host, pid, started_at, heartbeat_at, stopped_at,
                   stopped_at IS NULL AND heartbeat_at > now() - @AliveWindow AS alive
            FROM workers
            WHERE stopped_at IS NULL OR stopped_at > now() - interval '1 day'
            ORDER BY started_at
            """, new { AliveWindow = aliveWindow }, cancellationToken: ct));
        var depth = await conn.QueryAsync<(string State, long Count)>(new CommandDefinition(
            "SELECT state, count(*) FROM jobs GROUP BY state", cancellationToken: ct));
        var queue = new[] { "queued", "running", "failed", "done", "dead" }.ToDictionary(s => s, _ => 0L);
        foreach (var (state, count) in depth) queue[state] = count;
        var feeds = await conn.QueryAsync<FeedStatus>(new CommandDefinition("""
            SELECT name, kind, coalesce(url, folder) AS location, cron, enabled, last_run_at, last_status, last_counts::text AS last_counts
            FROM feeds ORDER BY name
            """, cancellationToken: ct));
        var failures = await conn.QueryAsync<JobFailure>(new CommandDefinition($"""
            SELECT id, kind, state, attempts, max_attempts, last_error, run_after, finished_at, payload::text AS payload
            FROM jobs
            WHERE state IN ('failed', 'dead')
            ORDER BY coalesce(finished_at, run_after) DESC, id DESC
            LIMIT {FailureLimit}
            """, cancellationToken: ct));
        var quarantined = await conn.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT count(*) FROM quarantine WHERE resolved_at IS NULL", cancellationToken: ct));
        var reconcile = await conn.QuerySingleOrDefaultAsync<LastReconcile>(new CommandDefinition("""
            SELECT id, state, finished_at, result::text AS result, last_error
            FROM jobs WHERE kind = 'reconcile' AND state IN ('done', 'dead')
            ORDER BY finished_at DESC LIMIT 1
            """, cancellationToken: ct));
        var run = await conn.QuerySingleOrDefaultAsync<LastReconciliationRun>(new CommandDefinition("""
            SELECT run_id, mode, finished_at, claims, incidents, flags
            FROM reconciliation_runs WHERE finished_at IS NOT NULL
            ORDER BY run_id DESC LIMIT 1
            """, cancellationToken: ct));
        return new StatusSnapshot(workers.AsList(), queue, feeds.AsList(), failures.AsList(), quarantined, reconcile, run);
    }
}

/// <summary>What <c>casualties status</c> shows, read at one moment.</summary>
/// <param name="Workers">Workers running, or stopped within the last day, in the order they started.</param>
/// <param name="Queue">Jobs per state: queued, running, failed, done and dead, each present (0 when none).</param>
/// <param name="Feeds">Every feed with its last run.</param>
/// <param name="Failures">The latest failed and dead jobs, at most <see cref="StatusStore.FailureLimit"/>.</param>
/// <param name="QuarantineRows">Open quarantine entries.</param>
/// <param name="LastReconcile">The last reconcile job that finished (done or dead); null: none yet.</param>
/// <param name="LastRun">The latest finished reconciliation run; null: none yet.</param>
public sealed record StatusSnapshot(
    IReadOnlyList<WorkerStatus> Workers, IReadOnlyDictionary<string, long> Queue, IReadOnlyList<FeedStatus> Feeds,
    IReadOnlyList<JobFailure> Failures, long QuarantineRows, LastReconcile? LastReconcile, LastReconciliationRun? LastRun);

/// <summary>A worker process as the workers table has it (times UTC).</summary>
/// <param name="Id">Its identity (host:pid:suffix).</param>
/// <param name="Host">The machine it runs on.</param>
/// <param name="Pid">Its process id there.</param>
/// <param name="StartedAt">When it registered.</param>
/// <param name="HeartbeatAt">Its last heartbeat.</param>
/// <param name="StoppedAt">When it said it stopped; null while it runs, or when it died without saying so.</param>
/// <param name="Alive">Not stopped, and its heartbeat is recent.</param>
public sealed record WorkerStatus(string Id, string Host, int Pid, DateTime StartedAt, DateTime HeartbeatAt, DateTime? StoppedAt, bool Alive);

/// <summary>A feed and its last run, as status lists it.</summary>
/// <param name="Name">The feed's name.</param>
/// <param name="Kind">Its kind.</param>
/// <param name="Location">Its URL, or its folder for an inbox.</param>
/// <param name="Cron">Its schedule; null: not scheduled.</param>
/// <param name="Enabled">False: neither scheduled nor watched.</param>
/// <param name="LastRunAt">When its last run ended (UTC); null: never run.</param>
/// <param name="LastStatus">How its last run ended (see <see cref="Feeds.Feed.LastStatus"/>).</param>
/// <param name="LastCounts">The last run's counts as JSON, or null.</param>
public sealed record FeedStatus(string Name, string Kind, string Location, string? Cron, bool Enabled, DateTime? LastRunAt, string? LastStatus, string? LastCounts);

/// <summary>A job whose last attempt failed: <c>failed</c> waits for its retry at RunAfter; <c>dead</c> gave up.</summary>
public sealed record JobFailure(long Id, string Kind, string State, int Attempts, int MaxAttempts, string? LastError, DateTime RunAfter, DateTime? FinishedAt, string Payload);

/// <summary>The last reconcile job that finished.</summary>
/// <param name="Id">The job's id.</param>
/// <param name="State">done or dead.</param>
/// <param name="FinishedAt">When it finished (UTC).</param>
/// <param name="Result">Its result, JSON (the run's summary); null when it died.</param>
/// <param name="LastError">The error of its last failed attempt, if any (a job that succeeded after a retry keeps it).</param>
public sealed record LastReconcile(long Id, string State, DateTime? FinishedAt, string? Result, string? LastError);

/// <summary>The latest finished reconciliation run, whoever ran it (the worker or <c>casualties reconcile</c>).</summary>
public sealed record LastReconciliationRun(long RunId, string Mode, DateTime FinishedAt, int Claims, int Incidents, int Flags);
