using Dapper;
using Npgsql;

namespace Casualties.Postgres.Jobs;

/// <summary>
/// The schedule_ticks table: the first worker to insert a (schedule, tick) row runs that tick; the others'
/// inserts do nothing (ON CONFLICT DO NOTHING), so a tick runs once however many workers see it.
/// </summary>
public sealed class ScheduleStore(NpgsqlDataSource dataSource)
{
    /// <summary>The latest tick recorded for a schedule, run or skipped; null before the first.</summary>
    public async Task<DateTime?> LastTick(string schedule, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await conn.ExecuteScalarAsync<DateTime?>(new CommandDefinition(
            "SELECT max(tick) FROM schedule_ticks WHERE feed = @Schedule", new { Schedule = schedule }, cancellationToken: ct));
    }

    /// <summary>
    /// Records ticks as skipped and the last one as run with <paramref name="job"/> enqueued, in one transaction.
    /// Returns the job's id, or null when another worker had recorded the run tick already.
    /// </summary>
    public async Task<long?> RecordTicks(string schedule, IReadOnlyList<DateTime> skipped, DateTime? run, NewJob? job,
        string worker, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        foreach (var tick in skipped)
        {
            await conn.ExecuteAsync(new CommandDefinition("""
                INSERT INTO schedule_ticks (feed, tick, status, worker) VALUES (@Schedule, @Tick, 'skipped', @Worker)
                ON CONFLICT DO NOTHING
                """, new { Schedule = schedule, Tick = tick, Worker = worker }, tx, cancellationToken: ct));
        }
        long? jobId = null;
        if (run is { } runTick && job is not null)
        {
            var inserted = await conn.ExecuteAsync(new CommandDefinition("""
                INSERT INTO schedule_ticks (feed, tick, status, worker) VALUES (@Schedule, @Tick, 'run', @Worker)
                ON CONFLICT DO NOTHING
                """, new { Schedule = schedule, Tick = runTick, Worker = worker }, tx, cancellationToken: ct));
            if (inserted == 1)
            {
                jobId = await JobQueue.Enqueue(conn, tx, job, ct);
                await conn.ExecuteAsync(new CommandDefinition(
                    "UPDATE schedule_ticks SET job_id = @JobId WHERE feed = @Schedule AND tick = @Tick",
                    new { JobId = jobId, Schedule = schedule, Tick = runTick }, tx, cancellationToken: ct));
            }
        }
        await tx.CommitAsync(ct);
        return jobId;
    }
}
