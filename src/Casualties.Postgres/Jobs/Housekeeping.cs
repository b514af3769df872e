using Dapper;
using Npgsql;

namespace Casualties.Postgres.Jobs;

/// <summary>
/// Keeps the worker tables from growing for ever: finished jobs (done or dead), schedule ticks (all but each
/// schedule's latest, which the scheduler continues from) and workers stopped or silent for longer than the
/// retention are deleted.
/// </summary>
public sealed class Housekeeping(NpgsqlDataSource dataSource)
{
    const string PurgeSql = """
        WITH jobs_gone AS (
            DELETE FROM jobs WHERE state IN ('done', 'dead') AND finished_at < now() - @Keep RETURNING 1),
        ticks_gone AS (
            DELETE FROM schedule_ticks t
            WHERE t.created_at < now() - @Keep
              AND t.tick < (SELECT max(m.tick) FROM schedule_ticks m WHERE m.feed = t.feed)
            RETURNING 1),
        workers_gone AS (
            DELETE FROM workers WHERE heartbeat_at < now() - @Keep RETURNING 1)
        SELECT (SELECT count(*) FROM jobs_gone), (SELECT count(*) FROM ticks_gone), (SELECT count(*) FROM workers_gone)
        """;

    /// <summary>Deletes what is older than <paramref name="keep"/>; returns how many jobs, ticks and workers went.</summary>
    public async Task<(long Jobs, long Ticks, long Workers)> Purge(TimeSpan keep, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await conn.QuerySingleAsync<(long, long, long)>(new CommandDefinition(PurgeSql, new { Keep = keep }, cancellationToken: ct));
    }
}
